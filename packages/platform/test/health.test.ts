import pino from "pino";
import {
  connectBackbone,
  createReadiness,
  ensureStreams,
  publishEvent,
  runDurableConsumer,
  startHealthServer,
  streams,
  waitUntil,
} from "../src";
import { eventTypes } from "../src/contracts";
import { startNatsServer } from "../src/testing";

describe("the health server's Prometheus metrics", () => {
  it("serves /metrics with events handled and consumer lag once a durable consumer has handled an event", async () => {
    const nats = await startNatsServer();
    const logger = pino({ level: "silent" });
    const backbone = await connectBackbone(nats.url, "metrics-test", logger);
    const health = await startHealthServer("127.0.0.1", 0, createReadiness());
    try {
      await ensureStreams(backbone.jsm, [streams.alert]);
      const alert = { eventId: "a1", causeEventId: "m1", titleJa: "", titleEn: "", bodyJa: "", bodyEn: "", recipients: 0, issuedAt: "" };
      await publishEvent(backbone.js, eventTypes.alertIssued, alert, { eventId: "a1", correlationId: "c" });
      let handled = 0;
      const consumer = await runDurableConsumer(
        backbone.js,
        backbone.jsm,
        { stream: streams.alert.name, durable: "metrics-probe", filterSubject: eventTypes.alertIssued.subject },
        async () => void handled++,
        logger,
      );
      const text = await waitUntil(async () => {
        const body = await (await fetch(`http://127.0.0.1:${health.port}/metrics`)).text();
        return body.includes('events_handled_total{consumer="metrics-probe",outcome="acked"} 1') && body;
      }, "the handled event to show in /metrics");
      expect(handled).toBe(1);
      expect(text).toContain('consumer_lag_messages{consumer="metrics-probe"} 0');
      expect(text).toContain("event_handler_duration_seconds_bucket");
      expect(text).toContain("process_cpu_seconds_total");
      await consumer.stop();
    } finally {
      await health.stop();
      await backbone.nc.close();
      await nats.stop();
    }
  });
});
