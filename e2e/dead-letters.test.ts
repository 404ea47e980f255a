import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { JsMsg, NatsConnection, connect } from "nats";
import pino from "pino";
import {
  RunningConsumer,
  countDeadLetters,
  countDeadLettersWith,
  deadLetterHeaders,
  decodeEvent,
  ensureStreams,
  listDeadLetters,
  metricsRegistry,
  parkedInThisProcess,
  publishEvent,
  runDurableConsumer,
  streams,
  waitUntil,
} from "@crisis/platform";
import { ModeLevel, deadLetterSubjects, eventTypes } from "@crisis/platform/contracts";
import { NatsServerHandle, startNatsServer } from "@crisis/platform/testing";
import { repoRoot } from "../deploy/embedded/system";

const run = promisify(execFile);
const logger = pino({ level: "silent" });
const redrive = (...args: string[]) =>
  run(join(repoRoot, "node_modules", ".bin", "tsx"), [join(repoRoot, "deploy", "tools", "redrive.ts"), ...args], { cwd: repoRoot });

const modeEvent = (id: string) => ({
  eventId: id,
  previousLevel: ModeLevel.MODE_LEVEL_NORMAL,
  mode: {
    incident: 1,
    level: ModeLevel.MODE_LEVEL_EMERGENCY,
    wards: [],
    reason: "test",
    declaredBy: "tester",
    declaredAt: "2026-07-28T07:27:00Z",
  },
});

describe("an event that can never be handled", () => {
  let server: NatsServerHandle;
  let nc: NatsConnection;
  const consumers: RunningConsumer[] = [];

  beforeAll(async () => {
    server = await startNatsServer();
    nc = await connect({ servers: server.url });
    await ensureStreams(await nc.jetstreamManager(), [streams.mode, streams.deadLetter]);
  });

  afterAll(async () => {
    await Promise.all(consumers.map((c) => c.stop()));
    await nc.close();
    await server.stop();
  });

  /** A consumer whose handler refuses the events named in `broken` until they are removed from it. */
  async function consumer(durable: string, broken: Set<string>, handled: { id: string; correlationId: string }[]) {
    const running = await runDurableConsumer(
      nc.jetstream(),
      await nc.jetstreamManager(),
      { stream: streams.mode.name, durable, filterSubject: eventTypes.modeChanged.subject, retryDelaysMs: [10], maxAttempts: 3 },
      async (msg: JsMsg) => {
        const { event, correlationId } = decodeEvent(eventTypes.modeChanged, msg);
        if (broken.has(event.eventId)) throw new Error(`no playbook for ${event.eventId}\nstack line`);
        handled.push({ id: event.eventId, correlationId });
      },
      logger,
    );
    consumers.push(running);
  }

  it("is parked with its reason after its attempts, shown by the command, and re-driven to the consumer once fixed", async () => {
    const js = nc.jetstream();
    const jsm = await nc.jetstreamManager();
    for (const id of ["poison", "next"])
      await publishEvent(js, eventTypes.modeChanged, modeEvent(id), { eventId: id, correlationId: `corr-${id}` });

    const brokenA = new Set(["poison"]);
    const brokenB = new Set(["poison"]);
    const handledA: { id: string; correlationId: string }[] = [];
    const handledB: { id: string; correlationId: string }[] = [];
    await consumer("playbook-a", brokenA, handledA);
    await consumer("playbook-b", brokenB, handledB);

    // Both consumers go on with the next event and park the poison one, each under its own name.
    await waitUntil(() => handledA.length === 1 && handledB.length === 1, "both consumers handled the next event");
    await waitUntil(async () => (await countDeadLetters(jsm)) === 2, "two dead letters");
    expect(parkedInThisProcess().get("playbook-a")).toBe(1);
    // What every service's /metrics shows (runService points the gauge at the dead-letter stream).
    countDeadLettersWith(() => countDeadLetters(jsm));
    const metric = async (pattern: RegExp) => (await metricsRegistry.metrics()).match(pattern)?.[1];
    expect(await metric(/^dead_letters_parked_total\{consumer="playbook-a"\} (\d+)$/m)).toBe("1");
    expect(await metric(/^dead_letters_waiting (\d+)$/m)).toBe("2");
    const [parked] = await listDeadLetters(jsm, "playbook-a");
    expect(parked).toMatchObject({
      durable: "playbook-a",
      subject: eventTypes.modeChanged.subject,
      stream: streams.mode.name,
      sequence: 1,
      reason: "no playbook for poison",
      attempts: 3,
      correlationId: "corr-poison",
      eventType: eventTypes.modeChanged.name,
      originalMsgId: "poison",
    });
    const stored = await jsm.streams.getMessage(streams.deadLetter.name, { seq: parked.seq });
    expect(stored.subject).toBe(deadLetterSubjects.parked);
    expect(stored.header.get(deadLetterHeaders.durable)).toBe("playbook-a");

    const listed = await redrive("--list", "--nats", server.url);
    expect(listed.stdout).toMatch(/^2 parked event\(s\)$/m);
    // The register says where a re-driven event goes and who owns it.
    expect(listed.stdout).toMatch(/→ CRISIS_MODE \(gateway\)/);
    expect(listed.stdout).toMatch(
      /playbook-a crisis\.mode\.changed \(CRISIS_MODE:1, 3 attempts, correlation corr-poison\): no playbook for poison/,
    );
    expect(await countDeadLetters(jsm)).toBe(2);

    // The fix for consumer a is deployed; only its dead letter is re-driven.
    brokenA.clear();
    const driven = await redrive("--durable", "playbook-a", "--nats", server.url);
    expect(driven.stdout).toMatch(/^1 parked event\(s\) of playbook-a$/m);
    await waitUntil(() => handledA.length === 2, "consumer a handled the re-driven event");
    expect(handledA).toEqual([
      { id: "next", correlationId: "corr-next" },
      { id: "poison", correlationId: "corr-poison" },
    ]);
    // Consumer b, which still cannot handle it, skips the copy meant for a: its own letter stays.
    expect(await metric(/^dead_letters_waiting (\d+)$/m)).toBe("1");
    const left = await listDeadLetters(jsm);
    expect(left.map((l) => l.durable)).toEqual(["playbook-b"]);
    const b = await jsm.consumers.info(streams.mode.name, "playbook-b");
    expect(b.num_pending + b.num_ack_pending).toBe(0);
    expect(handledB).toEqual([{ id: "next", correlationId: "corr-next" }]);

    // The copy is a new message of the original subject that says where it came from.
    const copy = await jsm.streams.getMessage(streams.mode.name, { last_by_subj: eventTypes.modeChanged.subject });
    expect(copy.header.get(deadLetterHeaders.redrivenFrom)).toBe(`${streams.mode.name}:1`);
    expect(copy.header.get(deadLetterHeaders.redrivenFor)).toBe("playbook-a");
    expect(
      decodeEvent(eventTypes.modeChanged, { data: copy.data, headers: copy.header, seq: copy.seq } as unknown as JsMsg).event.eventId,
    ).toBe("poison");
    // Re-running the command finds nothing more of a's to drive.
    expect((await redrive("--durable", "playbook-a", "--nats", server.url)).stdout).toMatch(/^0 parked event\(s\) of playbook-a$/m);
  });
});
