import { JetStreamManager, NatsConnection, connect } from "nats";
import { carriedState, followPrimary, promoteStandby, streamNameOf } from "@crisis/platform";
import { BrowserSubscription } from "@crisis/platform/testing";
import { serviceNames } from "../deploy/embedded/system";
import { Harness, eventually, startHarness } from "./harness";
import { Sites, launchSites } from "./support/sites";

// Every step up into emergency waits for an approver, so a declaration can be pending while shelters are open.
const env = { APPROVAL_REQUIRED: "into-emergency" };
const floodAlert = { incident: "flood", level: "alert", wards: ["北区"], reason: "白川 氾濫危険水位" };
const floodEmergency = { ...floodAlert, level: "emergency", reason: "白川 氾濫発生" };

/** Messages per carried stream and bucket on one site. */
async function storedMessages(jsm: JetStreamManager): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const entry of carriedState()) counts[streamNameOf(entry)] = (await jsm.streams.info(streamNameOf(entry))).state.messages;
  return counts;
}

/**
 * Done when of the durable-state issue, as the city meets it: the services run on the primary site,
 * the standby follows every carried stream and bucket, the primary site is lost with its services, the
 * standby is promoted and the same installation starts there. What people did before the loss holds.
 */
describe("the city's services on a promoted second site", () => {
  let sites: Sites;
  let standbyNc: NatsConnection;
  let first: Harness;
  let promoted: Harness | undefined;

  beforeAll(async () => {
    sites = await launchSites();
    first = await startHarness({ natsUrl: sites.primaryUrl, env });
    standbyNc = await connect({ servers: sites.standbyUrl });
    // The services created every stream and bucket at start; the standby now follows them.
    await followPrimary(await standbyNc.jetstreamManager(), "primary", carriedState());
  });

  afterAll(async () => {
    await first?.stop();
    await promoted?.stop();
    await standbyNc?.close();
    await sites?.stop();
  });

  it("story: 北区 floods; a citizen subscribes, staff answer their notices, a shelter is closed by hand and an emergency waits for approval; the city hall's site is lost; on the promoted site the subscriber gets the next alert once, the answers and the plan in force are kept, the retried declaration answers as before, the approver approves it and the closed shelter stays closed", async () => {
    const as = async (h: Harness, role: Parameters<Harness["token"]>[0], sub?: string) => ({
      authorization: `Bearer ${await h.token(role, sub)}`,
    });
    const manager = await as(first, "manager");
    const officer = await as(first, "staffing_officer");
    const admin = await as(first, "facility_admin");

    // Before the loss, on the primary site.
    const citizen: BrowserSubscription = first.pushService.subscribe();
    const pushes = () => first.pushService.messagesFor(citizen.id).map((m) => JSON.parse(m.text) as { title: string; body: string });
    expect((await first.api("POST", "/api/v1/subscriptions", { subscription: citizen.json, topics: ["ward:北区"] })).status).toBe(201);
    expect((await first.api("POST", "/api/v1/mode", floodAlert, manager)).status).toBe(201);
    const kitaShelter = await eventually(async () => {
      const status = (await first.api("GET", "/api/v1/status")).body;
      return status.facilities?.find((f: any) => f.ward === "北区" && f.status === "shelter_open")?.id as string | undefined;
    }, "facilities opened 北区's shelters");
    await eventually(
      async () => ((await first.api("GET", "/api/v1/staffing/summary", undefined, manager)).body.shelters?.length ?? 0) > 0,
      "staffing planned 北区's opened shelters",
      90_000,
      500,
    );
    const plan = (await first.api("POST", "/api/v1/staffing/plans", {}, officer)).body as {
      id: string;
      changes: { staffId: string; to: string | null }[];
    };
    expect((await first.api("POST", `/api/v1/staffing/plans/${plan.id}/apply`, {}, officer)).body).toMatchObject({ alreadyApplied: false });
    const [acknowledging, declining] = [...new Set(plan.changes.filter((c) => c.to).map((c) => c.staffId))];
    const noticeOf = async (h: Harness, staffId: string) =>
      (await h.api("GET", "/api/v1/staff/me/duties", undefined, await as(h, "staff", staffId))).body.notices[0] as {
        id: string;
        state: string;
      };
    const ackNotice = await noticeOf(first, acknowledging);
    const declineNotice = await noticeOf(first, declining);
    expect(
      (await first.api("POST", `/api/v1/staff/me/notices/${ackNotice.id}/ack`, {}, await as(first, "staff", acknowledging))).status,
    ).toBe(200);
    const declined = await first.api(
      "POST",
      `/api/v1/staff/me/notices/${declineNotice.id}/decline`,
      { reason: "自宅が浸水" },
      await as(first, "staff", declining),
    );
    expect(declined.status).toBe(200);

    const closedByHand = await first.api("PUT", `/api/v1/shelters/${kitaShelter}`, { state: "closed", reason: "浸水のため移転" }, admin);
    expect(closedByHand.body).toMatchObject({ state: "closed", changed: true });

    // The emergency waits for an approver; the manager's client sent it with an Idempotency-Key.
    const retryable = { ...manager, "idempotency-key": "flood-emergency-kita-1" };
    const requested = await first.api("POST", "/api/v1/mode", floodEmergency, retryable);
    expect(requested.status).toBe(202);

    await eventually(() => first.deliveriesSettled(), "pushes before the loss delivered");
    const toldBefore = pushes().length;
    expect(toldBefore).toBeGreaterThan(0);
    const tallyBefore = (await first.api("GET", "/api/v1/staffing/acknowledgements", undefined, officer)).body;
    expect(tallyBefore).toMatchObject({ acknowledged: 1, declined: 1 });

    // The standby has everything the primary acknowledged (replication is asynchronous: the drill waits for it).
    const primaryJsm = await first.nc.jetstreamManager();
    const standbyJsm = await standbyNc.jetstreamManager();
    await eventually(async () => {
      const [onPrimary, onStandby] = await Promise.all([storedMessages(primaryJsm), storedMessages(standbyJsm)]);
      return JSON.stringify(onPrimary) === JSON.stringify(onStandby);
    }, "the standby caught up with every carried stream and bucket");

    // The city hall's server room is lost, with the services running there.
    for (const name of serviceNames) await first.system.kill(name);
    await sites.losePrimary();

    await promoteStandby(standbyJsm, carriedState());
    promoted = await startHarness({ natsUrl: sites.standbyUrl, env, installation: first });
    const h = promoted;

    // Nothing was told twice by the services starting on the promoted site.
    await eventually(() => h.deliveriesSettled(), "the promoted site's delivery queue drained");
    expect(pushes()).toHaveLength(toldBefore);

    // Staff answers and the plan in force are kept.
    expect((await h.api("GET", "/api/v1/staffing/acknowledgements", undefined, await as(h, "staffing_officer"))).body).toMatchObject({
      acknowledged: 1,
      declined: 1,
      total: tallyBefore.total,
    });
    expect((await noticeOf(h, acknowledging)).state).toBe("acknowledged");
    expect((await h.api("POST", `/api/v1/staffing/plans/${plan.id}/apply`, {}, await as(h, "staffing_officer"))).body).toMatchObject({
      alreadyApplied: true,
    });

    // The manager's client retries the declaration with the same key: the first answer, not a second pending one.
    const retried = await fetch(`${h.base}/api/v1/mode`, {
      method: "POST",
      headers: { "content-type": "application/json", ...retryable },
      body: JSON.stringify(floodEmergency),
    });
    expect(retried.status).toBe(202);
    expect(retried.headers.get("idempotent-replayed")).toBe("true");
    expect(await retried.json()).toEqual(requested.body);

    // The pending declaration is approved on the promoted site.
    const approver = await as(h, "approver");
    expect((await h.api("GET", "/api/v1/mode/pending", undefined, approver)).body.pending).toEqual([requested.body]);
    const approved = await h.api("POST", `/api/v1/mode/pending/${requested.body.pendingId}/approve`, undefined, approver);
    expect(approved).toMatchObject({ status: 201, body: { mode: { level: "emergency", declaredBy: "manager@e2e" } } });

    // The subscriber hears of the escalation once, decrypted from the same push service.
    await eventually(() => pushes().length > toldBefore, "the escalation's push");
    await eventually(() => h.deliveriesSettled(), "the escalation's pushes delivered");
    expect(pushes()).toHaveLength(toldBefore + 1);
    expect(pushes()[toldBefore].title).toMatch(/緊急体制/);

    // The shelter closed by hand stays closed through the escalation that opens 北区's shelters.
    expect((await h.api("GET", "/api/v1/status")).body.mode).toMatchObject({ level: "emergency" });
    expect((await h.api("GET", `/api/v1/facilities/${encodeURIComponent(kitaShelter!)}`)).body).toMatchObject({
      shelter: "closed",
      reading: { state: "shelter_closed", reasons: ["浸水のため移転"] },
    });
  }, 900_000);
});
