import { ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connect } from "nats";
import { childExited, ensureStreams, grpcClient, publishEvent, streams, waitUntil } from "@crisis/platform";
import { NatsServerHandle, startNatsServer } from "@crisis/platform/testing";
import { ModeLevel, eventTypes, incidentTerms, levelTerms } from "@crisis/platform/contracts";
import { ModeChanged } from "@crisis/platform/contracts/events";
import { StaffingServiceClient } from "@crisis/platform/contracts/staffing_service";
import type { ApplyStaffingPlanResponse, GetStaffingSummaryResponse, StaffingPlan } from "@crisis/platform/contracts/staffing";
import { shelterEvent } from "../services/staffing/test/support";
import { loadEveryCore } from "./support/cpu-load";
import { repeated, serviceInstance, storedEventIds, storedSubjects } from "./support/service-instance";

/** 北区 floods; twelve of its shelters open, each needing staff from the made-up city's roster. */
const flood = ModeChanged.fromPartial({
  eventId: "mode-flood",
  mode: {
    incident: incidentTerms.flood.value,
    level: levelTerms.emergency.value,
    wards: ["北区"],
    declaredAt: "2026-07-28T07:40:00Z",
    reason: "白川氾濫",
  },
  previousLevel: ModeLevel.MODE_LEVEL_NORMAL,
});
const shelters = Array.from({ length: 12 }, (_, i) => shelterEvent(`kita-${String(i).padStart(2, "0")}`, "北区", "2026-07-28T07:45:00Z"));

const unary =
  <Req, Res>(method: (req: Req, callback: (err: Error | null, res: Res) => void) => unknown) =>
  (req: Req) =>
    new Promise<Res>((resolve, reject) => method(req, (err, res) => (err ? reject(err) : resolve(res))));

/**
 * The active staffing instance stops itself (SIGKILL, through CRISIS_TEST_KILL_AT) at an exact point
 * of applying a plan, on a machine whose every core is kept busy; the standby takes the lease, the
 * officer proposes and applies again there, and each person is told of their move exactly once.
 */
describe("a staffing take-over in the middle of applying a plan, under CPU load", () => {
  let load: { stop: () => Promise<void> };
  beforeAll(() => (load = loadEveryCore()));
  afterAll(() => load.stop());

  it.concurrent.each([
    ["before its first notice", "apply:start"],
    ["after 10 of its notices", "apply:published@10"],
    ["after the plan is put in force, before it answers", "apply:end"],
  ])(
    "killed %s, the standby's apply tells each moved person once: no notice twice, none lost",
    async (_when, killAt) => {
      const logDir = mkdtempSync(join(tmpdir(), "crisis-staffing-take-over-"));
      const nats: NatsServerHandle = await startNatsServer();
      const nc = await connect({ servers: nats.url });
      const started: ChildProcess[] = [];
      const clients: StaffingServiceClient[] = [];
      const staffingAt = (port: number) => {
        const client = grpcClient(StaffingServiceClient, `127.0.0.1:${port}`);
        clients.push(client);
        return {
          summary: unary<object, GetStaffingSummaryResponse>(client.getStaffingSummary.bind(client)),
          propose: unary<{ requestedBy: string }, StaffingPlan>(client.proposeStaffingPlan.bind(client)),
          apply: unary<{ planId: string; appliedBy: string }, ApplyStaffingPlanResponse>(client.applyStaffingPlan.bind(client)),
        };
      };
      const planned = async (staffing: ReturnType<typeof staffingAt>) =>
        waitUntil(
          async () => (await staffing.summary({}).catch(() => undefined))?.shelters.length === shelters.length,
          "the twelve shelters planned",
          90_000,
          250,
        );
      try {
        const jsm = await nc.jetstreamManager();
        await ensureStreams(jsm, [streams.mode, streams.facility]);
        await publishEvent(nc.jetstream(), eventTypes.modeChanged, flood, { eventId: flood.eventId, correlationId: flood.eventId });
        for (const s of shelters)
          await publishEvent(nc.jetstream(), eventTypes.facilityStatusChanged, s, { eventId: s.eventId, correlationId: s.eventId });

        // Planning for a city of 7,000 on busy cores can hold the event loop for seconds: a 2 s lease
        // would pass to the standby before the kill point is reached.
        const lease = { LEASE_TTL_MS: "8000" };
        const active = await serviceInstance("staffing", nats.url, logDir, "active", { ...lease, CRISIS_TEST_KILL_AT: killAt });
        started.push(active.child);
        await waitUntil(async () => (await active.readyz())?.checks.active, "the first instance active", 90_000, 200);
        const standby = await serviceInstance("staffing", nats.url, logDir, "standby", lease);
        started.push(standby.child);
        await waitUntil(async () => (await standby.readyz())?.checks.standby, "the second instance standing by", 90_000, 200);

        const first = staffingAt(active.grpcPort);
        await planned(first);
        const plan = await first.propose({ requestedBy: "officer@e2e" });
        const moves = plan.changes.filter((c) => c.toPostId !== "");
        expect(moves.length).toBeGreaterThan(10);
        await expect(first.apply({ planId: plan.planId, appliedBy: "officer@e2e" })).rejects.toThrow();
        await childExited(active.child);
        expect(active.child.signalCode).toBe("SIGKILL");

        await waitUntil(async () => (await standby.readyz())?.checks.active, "the standby active", 90_000, 200);
        const second = staffingAt(standby.grpcPort);
        await planned(second);
        const again = await second.propose({ requestedBy: "officer@e2e" });
        const applied = await second.apply({ planId: again.planId, appliedBy: "officer@e2e" });
        // Killed after the plan was put in force, the standby's plan moves nobody: everyone was told.
        expect(applied.reassigned).toBe(killAt === "apply:end" ? 0 : moves.length);

        expect(await storedSubjects(nc, streams.staff.name)).toEqual({ [eventTypes.staffReassigned.subject]: moves.length });
        expect(repeated(await storedEventIds(nc, streams.staff.name))).toEqual([]);
        expect(standby.child.exitCode).toBeNull();
      } finally {
        for (const client of clients) client.close();
        for (const child of started) child.kill("SIGKILL");
        await Promise.all(started.map(childExited));
        await nc.close();
        await nats.stop();
      }
    },
    300_000,
  );
});
