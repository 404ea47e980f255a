import { FakeClock, buckets, streams } from "@crisis/platform";
import { NatsServerHandle, startNatsServer } from "@crisis/platform/testing";
import { LocalIdp, startLocalIdp } from "./auth/local-idp";
import { previewingFacilities } from "./fake-facilities";
import { GatewayUnderTest, startGateway } from "./gateway-under-test";

const quake = { incident: "earthquake", level: "emergency", wards: [], reason: "M7.1 震度6強" };
const declarer = { roles: ["manager" as const], sub: "kikikanri-a@city" };
const approver = { roles: ["approver" as const], sub: "fukushicho-b@city" };
const shownPreview = {
  facilities: [expect.objectContaining({ facilityId: "shelter:101", shelterAfter: "SHELTER_OPERATION_OPEN" })],
  changesByWard: { 中央区: 1 },
};

describe("two-person declarations: normal straight to emergency waits for an approver", () => {
  let nats: NatsServerHandle;
  let idp: LocalIdp;
  let gw: GatewayUnderTest;
  const clock = new FakeClock("2026-07-28T07:30:00Z");
  const options = { approval: "normal-to-emergency" as const, approvalTtlMs: 30 * 60_000, facilities: previewingFacilities, clock };

  beforeAll(async () => {
    [nats, idp] = await Promise.all([startNatsServer(), startLocalIdp()]);
    gw = await startGateway(nats, idp, options);
  });
  // Each test starts from a city in normal mode with nothing pending.
  beforeEach(async () => {
    await gw.backbone.jsm.streams.purge(streams.mode.name);
    await gw.backbone.jsm.streams.purge(`KV_${buckets.pendingDeclarations.name}`);
  });
  afterAll(async () => {
    await gw.stop();
    await Promise.all([nats.stop(), idp.stop()]);
  });

  const mode = async () => (await gw.call("GET", "/api/v1/mode")).body;

  it("holds the declaration as pending, shows the approver the preview the declarer saw, and declares it once a second person approves", async () => {
    const requested = await gw.call("POST", "/api/v1/mode", { body: quake, as: declarer });
    expect(requested.status).toBe(202);
    expect(requested.body).toMatchObject({ pendingId: expect.any(String), declaredBy: declarer.sub, preview: shownPreview });
    expect(requested.body.expiresAt).toBe("2026-07-28T08:00:00.000Z");
    expect(await mode()).toMatchObject({ level: "normal", sequence: 0 });

    const listed = await gw.call("GET", "/api/v1/mode/pending", { as: approver });
    expect(listed.body.pending).toEqual([requested.body]);

    const approved = await gw.call("POST", `/api/v1/mode/pending/${requested.body.pendingId}/approve`, { as: approver });
    expect(approved.status).toBe(201);
    expect(approved.body).toMatchObject({
      approvedBy: approver.sub,
      previousLevel: "normal",
      mode: { level: "emergency", declaredBy: declarer.sub },
    });
    expect(await mode()).toMatchObject({ level: "emergency", incident: "earthquake", declaredBy: declarer.sub });
    expect((await gw.call("GET", "/api/v1/mode/pending", { as: approver })).body.pending).toEqual([]);
  });

  it("refuses an approval by the person who declared, even when they also hold the approver role", async () => {
    const both = { roles: ["manager" as const, "approver" as const], sub: "kikikanri-a@city" };
    const requested = await gw.call("POST", "/api/v1/mode", { body: quake, as: both });
    const own = await gw.call("POST", `/api/v1/mode/pending/${requested.body.pendingId}/approve`, { as: both });
    expect(own.body).toMatchObject({ status: 403, code: "APPROVER_IS_DECLARER" });
    expect(await mode()).toMatchObject({ level: "normal", sequence: 0 });
  });

  it("lets a pending declaration lapse once its time has passed on the clock", async () => {
    const requested = await gw.call("POST", "/api/v1/mode", { body: quake, as: declarer });
    clock.advance(30 * 60_000);
    expect((await gw.call("GET", "/api/v1/mode/pending", { as: approver })).body.pending).toEqual([]);
    const late = await gw.call("POST", `/api/v1/mode/pending/${requested.body.pendingId}/approve`, { as: approver });
    expect(late.body).toMatchObject({ status: 410, code: "PENDING_EXPIRED" });
    expect(await mode()).toMatchObject({ level: "normal", sequence: 0 });
  });

  it("refuses the approval once the mode moved on after the preview was computed", async () => {
    const requested = await gw.call("POST", "/api/v1/mode", { body: quake, as: declarer });
    const alert = { ...quake, level: "alert", reason: "余震に警戒" };
    expect((await gw.call("POST", "/api/v1/mode", { body: alert, as: { roles: ["manager"], sub: "other@city" } })).status).toBe(201);
    const approved = await gw.call("POST", `/api/v1/mode/pending/${requested.body.pendingId}/approve`, { as: approver });
    expect(approved.body).toMatchObject({ status: 409, code: "MODE_CONFLICT", field: "id" });
    expect(await mode()).toMatchObject({ level: "alert" });
  });

  it("declares other changes at once: only a jump from normal straight to emergency waits", async () => {
    const res = await gw.call("POST", "/api/v1/mode", { body: { ...quake, level: "alert" }, as: declarer });
    expect(res.status).toBe(201);
    expect((await gw.call("POST", "/api/v1/mode", { body: quake, as: declarer })).status).toBe(201);
    expect(await mode()).toMatchObject({ level: "emergency" });
  });

  it("answers 404 for an approval of an id that names nothing pending, however odd", async () => {
    for (const id of ["0b0c6f0e-0000-4000-8000-000000000000", "a%20b", "%7B%7D"]) {
      expect((await gw.call("POST", `/api/v1/mode/pending/${id}/approve`, { as: approver })).body).toMatchObject({
        status: 404,
        code: "PENDING_NOT_FOUND",
      });
    }
  });

  it("keeps pending declarations through a gateway restart: the next gateway shows and approves them", async () => {
    const first = await startGateway(nats, idp, { ...options, replica: "first" });
    const requested = await first.call("POST", "/api/v1/mode", { body: quake, as: declarer });
    await first.stop();
    const second = await startGateway(nats, idp, { ...options, replica: "second" });
    try {
      expect((await second.call("GET", "/api/v1/mode/pending", { as: approver })).body.pending).toEqual([requested.body]);
      expect((await second.call("POST", `/api/v1/mode/pending/${requested.body.pendingId}/approve`, { as: approver })).status).toBe(201);
    } finally {
      await second.stop();
    }
    expect(await mode()).toMatchObject({ level: "emergency" });
  });

  it("holds nothing when facilities cannot compute the preview: the declaration is refused with 503", async () => {
    const blind = await startGateway(nats, idp, { approval: "normal-to-emergency", clock, replica: "blind" });
    try {
      expect((await blind.call("POST", "/api/v1/mode", { body: quake, as: declarer })).body).toMatchObject({
        status: 503,
        code: "UPSTREAM_UNAVAILABLE",
      });
    } finally {
      await blind.stop();
    }
    expect((await gw.call("GET", "/api/v1/mode/pending", { as: approver })).body.pending).toEqual([]);
    expect(await mode()).toMatchObject({ level: "normal", sequence: 0 });
  });

  it("previews a declaration for a manager without declaring anything", async () => {
    const res = await gw.call("POST", "/api/v1/mode/preview", { body: quake, as: declarer });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ mode: { level: "emergency", incident: "earthquake" }, preview: shownPreview });
    expect(await mode()).toMatchObject({ level: "normal", sequence: 0 });
    expect((await gw.call("GET", "/api/v1/mode/pending", { as: approver })).body.pending).toEqual([]);
  });
});
