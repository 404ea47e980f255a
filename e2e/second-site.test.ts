import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { NatsConnection, connect } from "nats";
import {
  buckets,
  carriedState,
  ensureStreams,
  followState,
  openBucket,
  publishEvent,
  stateEntry,
  streams,
  waitUntil,
} from "@crisis/platform";
import { FacilityStatus, ModeLevel, eventTypes } from "@crisis/platform/contracts";
import { FacilityStatusChanged } from "@crisis/platform/contracts/events";
import { repoRoot } from "../deploy/embedded/system";
import { Sites, launchSites } from "./support/sites";

const run = promisify(execFile);
const site = (...args: string[]) =>
  run(join(repoRoot, "node_modules", ".bin", "tsx"), [join(repoRoot, "deploy", "tools", "site.ts"), ...args], { cwd: repoRoot });

interface Acked {
  stream: string;
  subject: string;
  seq: number;
  id: string;
}

const modeChanged = (id: string) => ({
  eventId: id,
  previousLevel: ModeLevel.MODE_LEVEL_NORMAL,
  mode: {
    incident: 1,
    level: ModeLevel.MODE_LEVEL_EMERGENCY,
    wards: [],
    reason: id,
    declaredBy: "tester",
    declaredAt: "2026-07-28T07:27:00Z",
  },
});

describe("a second site", () => {
  let sites: Sites;
  let primaryNc: NatsConnection;
  let standbyUrl: string;

  beforeAll(async () => {
    sites = await launchSites();
    standbyUrl = sites.standbyUrl;
    primaryNc = await connect({ servers: sites.primaryUrl });
    await ensureStreams(await primaryNc.jetstreamManager(), Object.values(streams));
  });

  afterAll(async () => {
    await primaryNc.close().catch(() => undefined);
    await sites.stop();
  });

  it("carries every acknowledged event and every carried bucket to the standby, which after losing the primary is promoted and takes writes", async () => {
    const js = primaryNc.jetstream();
    const acked: Acked[] = [];
    const publish = async (n: number, tag: string) => {
      for (let i = 0; i < n; i++) {
        const modeId = `${tag}-mode-${i}`;
        const mode = await publishEvent(js, eventTypes.modeChanged, modeChanged(modeId), { eventId: modeId, correlationId: tag });
        acked.push({ stream: streams.mode.name, subject: eventTypes.modeChanged.subject, seq: mode.seq, id: modeId });
        const facilityId = `${tag}-facility-${i}`;
        const facility = await publishEvent(
          js,
          eventTypes.facilityStatusChanged,
          FacilityStatusChanged.fromPartial({ eventId: facilityId, facilityId: `f-${i}`, status: FacilityStatus.FACILITY_STATUS_CLOSED }),
          { eventId: facilityId, correlationId: tag },
        );
        acked.push({ stream: streams.facility.name, subject: eventTypes.facilityStatusChanged.subject, seq: facility.seq, id: facilityId });
      }
    };
    // Events from before the standby existed, and events while it follows; a bucket's values too.
    await publish(50, "before");
    const duties = await openBucket(js, buckets.staffingDuties, 1);
    await duties.put("staff-1", new TextEncoder().encode("acknowledged"));
    await duties.put("staff-2", new TextEncoder().encode("declined"));
    await duties.delete("staff-2");
    await duties.put("staff-3", new TextEncoder().encode("first"));
    await duties.put("staff-3", new TextEncoder().encode("acknowledged later"));
    const followed = await site("follow", "--nats", standbyUrl);
    expect(followed.stdout).toMatch(/follow done/);
    await publish(50, "while");

    const standbyNc = await connect({ servers: standbyUrl });
    try {
      const jsm = await standbyNc.jetstreamManager();
      // Replication is asynchronous: the drill loses only what the standby had not received (its lag).
      await waitUntil(
        async () => {
          const state = await followState(jsm, [stateEntry(streams.mode.name), stateEntry(streams.facility.name)]);
          const [bucket] = await followState(jsm, [stateEntry(`KV_${buckets.staffingDuties.name}`)]);
          return state.every((s) => s.lag === 0 && s.messages === 100) && bucket.lag === 0 && bucket.messages === 3;
        },
        "standby caught up with the primary",
        60_000,
        200,
      );

      // The city hall's server room is lost.
      await sites.losePrimary();
      await primaryNc.close().catch(() => undefined);

      const promoted = await site("promote", "--nats", standbyUrl);
      expect(promoted.stdout).toMatch(/CRISIS_MODE .* 100 messages, last seq 100, writable \(not following\)/);
      // Everything the register carries is writable; what it leaves behind is named with the reason.
      for (const entry of carriedState())
        expect(promoted.stdout).toContain(entry.kind === "bucket" ? `KV_${entry.spec.name}` : entry.spec.name);
      expect(promoted.stdout).toMatch(/KV_service_leases +not carried: a lease names a process of the lost site/);
      expect(promoted.stdout).toMatch(/NOTIFY_PUSH_DELIVERY +not carried: a work queue/);

      // The bucket comes back as a working bucket: values kept, deletes kept, compare-and-set on its revisions.
      const promotedDuties = await openBucket(standbyNc.jetstream(), buckets.staffingDuties, 1);
      const text = async (key: string) => {
        const entry = await promotedDuties.get(key);
        return entry?.operation === "PUT" ? new TextDecoder().decode(entry.value) : undefined;
      };
      expect([await text("staff-1"), await text("staff-2"), await text("staff-3")]).toEqual([
        "acknowledged",
        undefined,
        "acknowledged later",
      ]);
      const current = (await promotedDuties.get("staff-1"))!.revision;
      await promotedDuties.update("staff-1", new TextEncoder().encode("relieved"), current);
      await expect(promotedDuties.update("staff-1", new TextEncoder().encode("stale"), current)).rejects.toThrow();
      expect(await text("staff-1")).toBe("relieved");

      // Every acknowledged event is there, at the same sequence, with its event id.
      for (const a of acked) {
        const stored = await jsm.streams.getMessage(a.stream, { seq: a.seq });
        expect([stored.subject, stored.header.get("Nats-Msg-Id")]).toEqual([a.subject, a.id]);
      }

      // The promoted site takes writes on the same subjects, and still knows which ids it has stored.
      const sjs = standbyNc.jetstream();
      const again = await publishEvent(sjs, eventTypes.modeChanged, modeChanged("while-mode-49"), {
        eventId: "while-mode-49",
        correlationId: "x",
      });
      expect(again.duplicate).toBe(true);
      const lastMode = acked.filter((a) => a.stream === streams.mode.name).at(-1)!.seq;
      const next = await publishEvent(sjs, eventTypes.modeChanged, modeChanged("after"), {
        eventId: "after",
        correlationId: "x",
        expectLastSubjectSequence: lastMode,
      });
      expect(next).toEqual({ seq: lastMode + 1, duplicate: false });
    } finally {
      await standbyNc.close();
    }
  });
});
