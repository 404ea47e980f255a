import pino from "pino";
import { Backbone, connectBackbone, ensureStreams, followStream, streams, waitUntil } from "../src";
import { NatsServerHandle, startNatsServer } from "../src/testing";

const logger = pino({ level: "silent" });
const waiting = "crisis.service.waiting.reported";
const levels = "crisis.service.level.changed";

describe("following a stream on every replica (real nats-server)", () => {
  let server: NatsServerHandle;
  let backbone: Backbone;

  beforeAll(async () => {
    server = await startNatsServer();
    backbone = await connectBackbone(server.url, "stream-reader-test", logger);
    await ensureStreams(backbone.jsm, [streams.service]);
  });
  afterAll(async () => {
    await backbone.nc.close();
    await server.stop();
  });

  it("reads only its subject, is caught up though the stream ends on another subject, and reads on without a gap or a repeat after its consumer is lost", async () => {
    const publish = (subject: string, text: string) => backbone.js.publish(subject, new TextEncoder().encode(text));
    await publish(waiting, "w1");
    await publish(levels, "l1");
    await publish(waiting, "w2");
    await publish(levels, "l2");
    const seen: string[] = [];
    const follower = await followStream(backbone, streams.service.name, { filterSubject: waiting }, (msg) => seen.push(msg.string()));
    try {
      await follower.caughtUp;
      expect(seen).toEqual(["w1", "w2"]);

      // The consumer is removed under the reader (its node died, or it was deleted): it starts again after w2.
      for await (const c of backbone.jsm.consumers.list(streams.service.name)) {
        await backbone.jsm.consumers.delete(streams.service.name, c.name);
      }
      await publish(waiting, "w3");
      await publish(levels, "l3");
      await waitUntil(() => seen.length >= 3, "the reader read on", 20_000);
      await publish(waiting, "w4");
      await waitUntil(() => seen.length >= 4, "the reader kept reading", 20_000);
      expect(seen).toEqual(["w1", "w2", "w3", "w4"]);
    } finally {
      await follower.stop();
    }
  });

  it("is caught up at once on an empty stream, and stops", async () => {
    await ensureStreams(backbone.jsm, [streams.mode]);
    const follower = await followStream(backbone, streams.mode.name, {}, () => undefined);
    await follower.caughtUp;
    await follower.stop();
  });
});
