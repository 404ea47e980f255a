import { streams } from "@crisis/platform";
import { eventTypes } from "@crisis/platform/contracts";
import { BrowserSubscription } from "@crisis/platform/testing";
import { SseClient } from "../services/gateway/test/support/sse-client";
import { ServiceName } from "../deploy/embedded/system";
import { Harness, eventually, startHarness } from "./harness";
import { loadEveryCore } from "./support/cpu-load";

const subscribers = 40;
/** A whole-city earthquake emergency changes 208 shelters and 5 libraries; its stand-down the same 213. */
const changedPerDeclaration = 213;

/**
 * Two instances of every service on one nats-server: each gateway calls every back-end instance;
 * facilities and staffing keep one active instance (a lease) and a standby; notify and the gateway
 * are both active. One story, then one instance of each killed in the middle of the stand-down.
 */
describe("two instances of every service", () => {
  let h: Harness;
  const browsers: BrowserSubscription[] = [];
  // Every core kept busy, as on the loaded machine where a take-over once stored 6 changes twice.
  let load: { stop: () => Promise<void> } | undefined;

  beforeAll(async () => {
    load = loadEveryCore();
    h = await startHarness({
      instances: 2,
      answerDelayMs: 20,
      env: { LEASE_TTL_MS: "3000", NOTIFY_ACK_WAIT_MS: "3000", PUSH_CONCURRENCY: "8" },
    });
  }, 180_000);
  afterAll(async () => {
    await load?.stop();
    await h?.stop();
  });

  const second = () => h.second!;
  const api =
    (base: string) =>
    async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    };
  const readyz = (url: string) =>
    fetch(url).then(
      async (r) => (await r.json()) as { ready: boolean; checks: Record<string, boolean> },
      () => undefined,
    );
  /** Events stored per subject: each effect is one event, so a double effect shows as a higher count. */
  const stored = async (stream: string) => {
    const jsm = await h.nc.jetstreamManager();
    return (await jsm.streams.info(stream, { subjects_filter: ">" })).state.subjects ?? {};
  };
  const pushesTo = (b: BrowserSubscription) => h.pushService.messagesFor(b.id).map((m) => JSON.parse(m.text));

  it("declares and staffs with exactly one set of effects, and again after one instance of each is killed mid-stand-down; SSE resumes on the other gateway", async () => {
    const [apiA, apiB] = [api(h.base), api(second().base)];
    for (const name of ["facilities", "staffing"] as ServiceName[]) {
      expect((await readyz(h.system.readyUrl(name)))?.checks.active).toBe(true);
      expect(await readyz(second().system.readyUrl(name))).toEqual({ ready: true, checks: { standby: true } });
    }
    expect((await readyz(second().system.readyUrl("notify")))?.ready).toBe(true);

    for (let i = 0; i < subscribers; i++) {
      const browser = h.pushService.subscribe();
      browsers.push(browser);
      const res = await (i % 2 ? apiB : apiA)("POST", "/api/v1/subscriptions", {
        subscription: browser.json,
        topics: ["category:shelter"],
      });
      expect(res.status).toBe(201);
    }
    const manager = { authorization: `Bearer ${await h.token("manager")}` };
    const officer = { authorization: `Bearer ${await h.token("staffing_officer")}` };
    const sse = await SseClient.open(`${h.base}/api/v1/events`);

    const declared = await apiB("POST", "/api/v1/mode", { incident: "earthquake", level: "emergency", wards: [], reason: "M7.1" }, manager);
    expect(declared.status).toBe(201);
    await eventually(() => browsers.every((b) => pushesTo(b).length > 0), "every subscriber told of the declaration", 90_000);
    await eventually(() => h.deliveriesSettled(), "delivery queue drained", 60_000);
    await eventually(
      () => sse.changes().filter((e) => e.event === "facility").length === changedPerDeclaration,
      "gateway A streamed every facility change",
      60_000,
    );

    // Staffing plans on its active instance, whichever gateway is asked.
    await eventually(
      async () => (await apiA("GET", "/api/v1/staffing/summary", undefined, manager)).body.posts > 0,
      "posts planned",
      90_000,
    );
    const plan = (await apiA("POST", "/api/v1/staffing/plans", {}, officer)).body;
    expect(plan.changes.length).toBeGreaterThan(0);
    const staffPhone = h.pushService.subscribe();
    const staffId: string = plan.changes[0].staffId;
    expect((await apiB("POST", "/api/v1/subscriptions", { subscription: staffPhone.json, topics: [`staff:${staffId}`] })).status).toBe(201);
    const applied = await apiB("POST", `/api/v1/staffing/plans/${plan.id}/apply`, {}, officer);
    expect(applied.body).toMatchObject({ id: plan.id, reassigned: plan.changes.length, alreadyApplied: false });
    await eventually(() => pushesTo(staffPhone).length > 0, "the reassigned person told", 60_000);

    await eventually(() => h.deliveriesSettled(), "delivery queue drained", 60_000);
    expect(await stored(streams.facility.name)).toEqual({
      [eventTypes.facilityStatusChanged.subject]: changedPerDeclaration,
      [eventTypes.playbookApplied.subject]: 1,
    });
    expect((await stored(streams.alert.name))[eventTypes.alertIssued.subject]).toBe(1);
    expect((await stored(streams.staff.name))[eventTypes.staffReassigned.subject]).toBe(plan.changes.length);
    expect(browsers.filter((b) => pushesTo(b).length !== 1)).toEqual([]);
    expect(pushesTo(staffPhone)).toHaveLength(1);

    // The stand-down; one instance of each service dies while it is being carried out and told.
    h.pushService.onAccepted = (_push, accepted) => {
      if (accepted === subscribers + 1 + subscribers / 4) h.pushService.hold();
    };
    const stoodDown = await apiB("POST", "/api/v1/mode", { incident: "earthquake", level: "normal", reason: "stood down" }, manager);
    expect(stoodDown.status).toBe(201);
    await Promise.all((["gateway", "facilities", "staffing"] as ServiceName[]).map((name) => h.system.kill(name)));
    const seenByA = sse.events.map((e) => e.id);
    sse.close();
    await eventually(() => h.pushService.held > 0, "pushes of the stand-down waiting on the push service", 90_000);
    await h.system.kill("notify");
    h.pushService.release();

    // The standbys took over; every subscriber is told of the stand-down exactly once.
    for (const name of ["facilities", "staffing"] as ServiceName[])
      await eventually(async () => (await readyz(second().system.readyUrl(name)))?.checks.active, `the ${name} standby active`, 60_000);
    await eventually(() => browsers.every((b) => pushesTo(b).length === 2), "every subscriber told of the stand-down", 90_000);
    await eventually(() => h.deliveriesSettled(), "delivery queue drained", 60_000);
    expect(h.pushService.rejections).toEqual([]);
    expect(browsers.filter((b) => pushesTo(b).length !== 2)).toEqual([]);
    expect(new Set(browsers.map((b) => pushesTo(b)[1].alertId))).toEqual(new Set([`${stoodDown.body.eventId}.alert`]));
    expect(await stored(streams.facility.name)).toEqual({
      [eventTypes.facilityStatusChanged.subject]: 2 * changedPerDeclaration,
      [eventTypes.playbookApplied.subject]: 2,
    });
    expect((await stored(streams.alert.name))[eventTypes.alertIssued.subject]).toBe(2);
    expect((await stored(streams.staff.name))[eventTypes.staffReassigned.subject]).toBe(plan.changes.length);
    expect(pushesTo(staffPhone).filter((p) => p.tag === pushesTo(staffPhone)[0].tag)).toHaveLength(1);
    const summary = await eventually(
      async () => {
        const body = (await apiB("GET", "/api/v1/status")).body;
        return body.summary?.shelter_open === undefined && body.summary;
      },
      "gateway B's status shows the stand-down",
      60_000,
    );
    // After a stand-down each school reads 避難所閉鎖 (since the stand-down), as its own page says; the other 110 are back to normal.
    expect(summary).toEqual({ normal: 110, shelter_closed: 208 });
    await eventually(
      async () => (await apiB("GET", "/api/v1/staffing/summary", undefined, manager)).body.posts === 0,
      "the staffing standby, now active, dropped the posts",
      60_000,
    );

    // A page that followed gateway A resumes on gateway B: what it missed, nothing twice.
    const resumed = await SseClient.open(`${second().base}/api/v1/events`, { "last-event-id": seenByA.filter(Boolean).at(-1)! });
    const facilityChanges = () =>
      sse.changes().filter((e) => e.event === "facility").length + resumed.changes().filter((e) => e.event === "facility").length;
    await eventually(() => facilityChanges() >= 2 * changedPerDeclaration, "the missed changes replayed by gateway B", 60_000);
    resumed.close();
    expect(facilityChanges()).toBe(2 * changedPerDeclaration);
    const ids = [...seenByA, ...resumed.changes().map((e) => e.id)].filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...sse.changes(), ...resumed.changes()].filter((e) => e.event === "mode")).toHaveLength(2);

    // Nothing stuck: every service's metrics count the dead letters of the city, none here.
    for (const name of ["facilities", "staffing", "notify"] as ServiceName[]) {
      const metrics = await (await fetch(second().system.readyUrl(name).replace("/readyz", "/metrics"))).text();
      expect(metrics).toMatch(/^dead_letters_waiting 0$/m);
    }
    expect(await (await fetch(`${second().base}/metrics`)).text()).toMatch(/^dead_letters_waiting\{service="gateway"\} 0$/m);
  }, 600_000);
});
