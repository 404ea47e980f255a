import { JsMsg, connect, NatsConnection } from "nats";
import pino from "pino";
import { ModeLevel, eventTypes } from "../src/contracts";
import { ModeChanged } from "../src/contracts/gen/crisis/v1/events";
import {
  decodeEvent,
  ensureStreams,
  eventHandlerAttempts,
  isWrongLastSequence,
  publishEvent,
  replaySubject,
  republishHorizonMs,
  runDurableConsumer,
  streams,
} from "../src";
import { NatsServerHandle, startNatsServer } from "../src/testing";

const logger = pino({ level: "silent" });
const modeEvent = (id: string, level: ModeLevel): ModeChanged => ({
  eventId: id,
  previousLevel: ModeLevel.MODE_LEVEL_NORMAL,
  mode: { incident: 1, level, wards: [], reason: "test", declaredBy: "tester", declaredAt: "2026-07-28T07:27:00Z" },
});

describe("JetStream helpers against a real nats-server", () => {
  let server: NatsServerHandle;
  let nc: NatsConnection;

  beforeEach(async () => {
    server = await startNatsServer();
    nc = await connect({ servers: server.url });
    await ensureStreams(await nc.jetstreamManager(), [streams.mode, streams.deadLetter]);
  });

  afterEach(async () => {
    await nc.close();
    await server.stop();
  });

  it("stores an event once even when its publish is retried with the same event id", async () => {
    const js = nc.jetstream();
    const first = await publishEvent(js, eventTypes.modeChanged, modeEvent("e1", 4), { eventId: "e1", correlationId: "c1" });
    const retry = await publishEvent(js, eventTypes.modeChanged, modeEvent("e1", 4), { eventId: "e1", correlationId: "c1" });
    expect(retry).toEqual({ seq: first.seq, duplicate: true });
    const info = await (await nc.jetstreamManager()).streams.info(streams.mode.name);
    expect(info.state.messages).toBe(1);
  });

  it("remembers event ids on every stream for longer than a writer re-publishes them (retries, then a take-over)", async () => {
    const jsm = await nc.jetstreamManager();
    await ensureStreams(jsm, Object.values(streams));
    // 20 attempts at most 30 s apart, a lease of at most 10 min, the 30 s ack wait.
    expect(republishHorizonMs).toBeGreaterThanOrEqual(eventHandlerAttempts * 30_000 + 600_000 + 30_000);
    for (const spec of Object.values(streams)) {
      const { config } = await jsm.streams.info(spec.name);
      expect({ stream: spec.name, windowMs: config.duplicate_window / 1e6 }).toEqual({ stream: spec.name, windowMs: 24 * 3600_000 });
    }
  });

  it("refuses the second of two writers that expected the same last sequence", async () => {
    const js = nc.jetstream();
    const base = await publishEvent(js, eventTypes.modeChanged, modeEvent("e1", 3), { eventId: "e1", correlationId: "c" });
    await publishEvent(js, eventTypes.modeChanged, modeEvent("e2", 4), {
      eventId: "e2",
      correlationId: "c",
      expectLastSubjectSequence: base.seq,
    });
    const loser = publishEvent(js, eventTypes.modeChanged, modeEvent("e3", 1), {
      eventId: "e3",
      correlationId: "c",
      expectLastSubjectSequence: base.seq,
    });
    const refused = await loser.catch((err: unknown) => err);
    expect(isWrongLastSequence(refused)).toBe(true);
  });

  it("redelivers a message whose handler failed, and acknowledges it once the handler succeeds", async () => {
    const js = nc.jetstream();
    await publishEvent(js, eventTypes.modeChanged, modeEvent("e1", 4), { eventId: "e1", correlationId: "corr-1" });
    const attempts: { id: string; correlationId: string; redelivered: boolean }[] = [];
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    const consumer = await runDurableConsumer(
      js,
      await nc.jetstreamManager(),
      { stream: streams.mode.name, durable: "test", filterSubject: eventTypes.modeChanged.subject, retryDelaysMs: [10] },
      async (msg: JsMsg) => {
        const { event, correlationId, redelivered } = decodeEvent(eventTypes.modeChanged, msg);
        attempts.push({ id: event.eventId, correlationId, redelivered });
        if (attempts.length === 1) throw new Error("effect failed");
        done();
      },
      logger,
    );
    await finished;
    await consumer.stop();
    expect(attempts).toEqual([
      { id: "e1", correlationId: "corr-1", redelivered: false },
      { id: "e1", correlationId: "corr-1", redelivered: true },
    ]);
    const info = await (await nc.jetstreamManager()).consumers.info(streams.mode.name, "test");
    expect(info.num_ack_pending + info.num_pending).toBe(0);
  });

  it("gives up on an event that can never be handled and goes on with the next", async () => {
    const js = nc.jetstream();
    for (const id of ["poison", "next"]) {
      await publishEvent(js, eventTypes.modeChanged, modeEvent(id, 4), { eventId: id, correlationId: "c" });
    }
    const attempts: string[] = [];
    let done!: () => void;
    const handledNext = new Promise<void>((resolve) => (done = resolve));
    const consumer = await runDurableConsumer(
      js,
      await nc.jetstreamManager(),
      { stream: streams.mode.name, durable: "poison", filterSubject: eventTypes.modeChanged.subject, retryDelaysMs: [10], maxAttempts: 3 },
      async (msg: JsMsg) => {
        const id = decodeEvent(eventTypes.modeChanged, msg).event.eventId;
        attempts.push(id);
        if (id === "poison") throw new Error("cannot be handled");
        done();
      },
      logger,
    );
    await handledNext;
    await consumer.stop();
    expect(attempts).toEqual(["poison", "poison", "poison", "next"]);
  });

  it("keeps stored events across a crash of the server and replays them in order", async () => {
    const js = nc.jetstream();
    for (const id of ["a", "b", "c"]) {
      await publishEvent(js, eventTypes.modeChanged, modeEvent(id, 4), { eventId: id, correlationId: "c" });
    }
    await nc.close();
    await server.kill();
    await server.restart();
    nc = await connect({ servers: server.url });
    const seen: string[] = [];
    const count = await replaySubject(
      nc.jetstream(),
      await nc.jetstreamManager(),
      streams.mode.name,
      eventTypes.modeChanged.subject,
      (msg) => seen.push(decodeEvent(eventTypes.modeChanged, msg).event.eventId),
    );
    expect(count).toBe(3);
    expect(seen).toEqual(["a", "b", "c"]);
  });
});
