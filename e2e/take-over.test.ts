import { ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connect } from "nats";
import { childExited, ensureStreams, publishEvent, streams, waitUntil } from "@crisis/platform";
import { NatsServerHandle, startNatsServer } from "@crisis/platform/testing";
import { ModeLevel, eventTypes, incidentTerms, levelTerms } from "@crisis/platform/contracts";
import { ModeChanged } from "@crisis/platform/contracts/events";
import { commitPlan, planMode } from "../services/facilities/src/domain/mode-plan";
import { playbookFor } from "../services/facilities/src/domain/playbook";
import { mode as modeOf, newBoard, playbooks } from "../services/facilities/test/city";
import { loadEveryCore } from "./support/cpu-load";
import { repeated, serviceInstance, storedEventIds, storedSubjects } from "./support/service-instance";

const declare = (eventId: string, level: "emergency" | "normal", declaredAt: string, previousLevel: ModeLevel) =>
  ModeChanged.fromPartial({
    eventId,
    mode: { ...modeOf("earthquake", level, [], declaredAt), incident: incidentTerms.earthquake.value, level: levelTerms[level].value },
    previousLevel,
  });
/** An emergency, applied whole; then its stand-down, during which the active instance dies. */
const declarations = [
  declare("mode-emergency", "emergency", "2026-07-28T07:40:00Z", ModeLevel.MODE_LEVEL_NORMAL),
  declare("mode-stand-down", "normal", "2026-07-28T08:55:00Z", ModeLevel.MODE_LEVEL_EMERGENCY),
];

/** What clean applies of the declarations store, by the same rule the service applies. */
function expectedEvents() {
  const board = newBoard();
  let statuses = 0;
  let levels = 0;
  for (const d of declarations) {
    const plan = planMode(board, playbookFor(playbooks, d.mode!), d.mode!, d.eventId, new Date(d.mode!.declaredAt));
    for (const step of plan.facilities) if (step.change) board.announce(step.change);
    for (const step of plan.services) if (step.change) board.announceLevel(step.change);
    statuses += plan.facilities.filter((s) => s.change).length;
    levels += plan.services.filter((s) => s.change).length;
    commitPlan(board, plan, d.mode!, d.eventId);
  }
  return {
    [streams.facility.name]: { [eventTypes.facilityStatusChanged.subject]: statuses, [eventTypes.playbookApplied.subject]: 2 },
    [streams.service.name]: { [eventTypes.serviceLevelChanged.subject]: levels },
  };
}
const expected = expectedEvents();

/**
 * The active facilities instance stops itself (SIGKILL, through CRISIS_TEST_KILL_AT) at an exact
 * point of applying a declaration, on a machine whose every core is kept busy; the standby takes
 * the lease, and the city's history holds exactly one set of effects, each event id once.
 */
describe("a facilities take-over under CPU load", () => {
  let load: { stop: () => Promise<void> };
  beforeAll(() => (load = loadEveryCore()));
  afterAll(() => load.stop());

  it.concurrent.each([
    // The n-th time a point is reached counts the emergency's apply too (213 status changes).
    ["before its first publish", "apply:start@2"],
    ["in the middle, after 30 of its status changes", "apply:published@243"],
    ["after its last publish, before the declaration is acknowledged", "apply:end@2"],
  ])(
    "killed in a stand-down %s, the standby finishes: every change stored once, no event id twice",
    async (_when, killAt) => {
      expect(expected[streams.facility.name][eventTypes.facilityStatusChanged.subject]).toBe(2 * 213);
      const logDir = mkdtempSync(join(tmpdir(), "crisis-take-over-"));
      const nats: NatsServerHandle = await startNatsServer();
      const nc = await connect({ servers: nats.url });
      const started: ChildProcess[] = [];
      try {
        const jsm = await nc.jetstreamManager();
        await ensureStreams(jsm, [streams.mode]);
        const active = await serviceInstance("facilities", nats.url, logDir, "active", { CRISIS_TEST_KILL_AT: killAt });
        started.push(active.child);
        await waitUntil(async () => (await active.readyz())?.checks.active, "the first instance active", 90_000, 200);
        const standby = await serviceInstance("facilities", nats.url, logDir, "standby");
        started.push(standby.child);
        await waitUntil(async () => (await standby.readyz())?.checks.standby, "the second instance standing by", 90_000, 200);

        for (const d of declarations)
          await publishEvent(nc.jetstream(), eventTypes.modeChanged, d, { eventId: d.eventId, correlationId: d.eventId });
        await childExited(active.child);
        expect(active.child.signalCode).toBe("SIGKILL");

        await waitUntil(async () => (await standby.readyz())?.checks.active, "the standby active", 90_000, 200);
        // Done only once the dead instance's message came back (after its ack wait) and was acknowledged.
        await waitUntil(
          async () => {
            const c = await jsm.consumers.info(streams.mode.name, "facilities-playbook");
            return c.ack_floor.stream_seq === declarations.length && c.num_ack_pending === 0 && c.num_pending === 0;
          },
          "the declaration acknowledged by the new active instance",
          90_000,
          250,
        );
        for (const [stream, subjects] of Object.entries(expected)) expect(await storedSubjects(nc, stream)).toEqual(subjects);
        for (const stream of Object.keys(expected)) expect(repeated(await storedEventIds(nc, stream))).toEqual([]);
        expect(standby.child.exitCode).toBeNull();
      } finally {
        for (const child of started) child.kill("SIGKILL");
        await Promise.all(started.map(childExited));
        await nc.close();
        await nats.stop();
      }
    },
    180_000,
  );
});
