import { FakeClock, buckets, streams } from "@crisis/platform";
import { NatsServerHandle, startNatsServer } from "@crisis/platform/testing";
import { LocalIdp, startLocalIdp } from "../../../adapters/auth/local-idp";
import { previewingFacilities } from "../../../adapters/fake-facilities";
import { GatewayUnderTest, startGateway } from "../../../adapters/gateway-under-test";

const quake = { incident: "earthquake", level: "emergency", wards: [], reason: "M7.1 震度6強" };
const declarer = { roles: ["manager" as const], sub: "kikikanri-a@city" };
const approver = { roles: ["approver" as const], sub: "fukushicho-b@city" };
const shownPreview = {
  facilities: [expect.objectContaining({ facilityId: "shelter:101", shelterAfter: "open" })],
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

  describe("rejected by an approver or withdrawn by its declarer: it can no longer be approved", () => {
    const other = { roles: ["manager" as const], sub: "other-manager@city" };
    const request = async () => (await gw.call("POST", "/api/v1/mode", { body: quake, as: declarer })).body.pendingId as string;
    const audited = async (kind: string) =>
      (await gw.call("GET", `/api/v1/audit?kind=${kind}`, { as: declarer })).body.records as Record<string, unknown>[];

    it("rejects with a reason: the declarer sees who and why, the approval is refused with PENDING_CLOSED, and the audit says so", async () => {
      const id = await request();
      const rejected = await gw.call("POST", `/api/v1/mode/pending/${id}/reject`, { body: { reason: "震度の速報値が誤り" }, as: approver });
      expect(rejected.status).toBe(200);
      expect(rejected.body).toMatchObject({ pendingId: id, closed: { as: "rejected", by: approver.sub, reason: "震度の速報値が誤り" } });

      const listed = (await gw.call("GET", "/api/v1/mode/pending", { as: declarer })).body;
      expect(listed.pending).toEqual([]);
      expect(listed.closed).toEqual([rejected.body]);

      const approved = await gw.call("POST", `/api/v1/mode/pending/${id}/approve`, { as: approver });
      expect(approved.body).toMatchObject({ status: 409, code: "PENDING_CLOSED", field: "id" });
      expect(approved.body.detail).toContain("震度の速報値が誤り");
      expect(await mode()).toMatchObject({ level: "normal", sequence: 0 });

      const records = await audited("mode.rejected");
      expect(records.at(-1)).toMatchObject({
        actor: approver.sub,
        approver: approver.sub,
        why: "震度の速報値が誤り",
        facilityIds: ["shelter:101"],
      });
      expect(JSON.parse(records.at(-1)!.what as string)).toMatchObject({ pendingId: id, declaredBy: declarer.sub, level: "emergency" });

      // Declared again, the new one waits beside the rejected one, and can be approved.
      const again = (await gw.call("POST", "/api/v1/mode", { body: quake, as: declarer })).body;
      const both = (await gw.call("GET", "/api/v1/mode/pending", { as: approver })).body;
      expect(both.pending).toEqual([again]);
      expect(both.closed).toEqual([rejected.body]);
    });

    it("refuses a rejection without a reason with 422 naming reason, and changes nothing", async () => {
      const id = await request();
      const before = (await audited("mode.rejected")).length;
      for (const body of [undefined, {}, { reason: "   " }, { reason: 7 }, { reason: "x".repeat(501) }]) {
        const res = await gw.call("POST", `/api/v1/mode/pending/${id}/reject`, { body, as: approver });
        expect(res.body).toMatchObject({ status: 422, code: "BODY_INVALID", field: "reason" });
      }
      expect((await gw.call("GET", "/api/v1/mode/pending", { as: approver })).body.pending).toHaveLength(1);
      expect(await audited("mode.rejected")).toHaveLength(before);
    });

    it("lets a manager other than the declarer reject, but not the declarer (who withdraws) nor a staff member", async () => {
      const id = await request();
      const own = await gw.call("POST", `/api/v1/mode/pending/${id}/reject`, { body: { reason: "r" }, as: declarer });
      expect(own.body).toMatchObject({ status: 403, code: "REJECTER_IS_DECLARER" });
      const staff = await gw.call("POST", `/api/v1/mode/pending/${id}/reject`, {
        body: { reason: "r" },
        as: { roles: ["staff"], sub: "s@city" },
      });
      expect(staff.body).toMatchObject({ status: 403, code: "ROLE_FORBIDDEN" });
      const byManager = await gw.call("POST", `/api/v1/mode/pending/${id}/reject`, { body: { reason: "対象区が違う" }, as: other });
      expect(byManager.body).toMatchObject({ closed: { as: "rejected", by: other.sub } });
    });

    it("lets the declarer withdraw (a reason optional), audited as mode.withdrawn; the approver then sees it withdrawn and cannot approve", async () => {
      const id = await request();
      const withdrawn = await gw.call("POST", `/api/v1/mode/pending/${id}/withdraw`, { as: declarer });
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body.closed).toEqual({ as: "withdrawn", by: declarer.sub, reason: "", at: clock.now().toISOString() });
      expect((await gw.call("GET", "/api/v1/mode/pending", { as: approver })).body).toEqual({ pending: [], closed: [withdrawn.body] });
      const approved = await gw.call("POST", `/api/v1/mode/pending/${id}/approve`, { as: approver });
      expect(approved.body).toMatchObject({ status: 409, code: "PENDING_CLOSED" });
      expect((await audited("mode.withdrawn")).at(-1)).toMatchObject({ actor: declarer.sub, approver: "", facilityIds: ["shelter:101"] });
      expect(await mode()).toMatchObject({ level: "normal", sequence: 0 });
    });

    it("refuses a withdrawal by anyone but the declarer, a bad reason, and closing twice", async () => {
      const id = await request();
      expect((await gw.call("POST", `/api/v1/mode/pending/${id}/withdraw`, { as: other })).body).toMatchObject({
        status: 403,
        code: "NOT_THE_DECLARER",
      });
      expect((await gw.call("POST", `/api/v1/mode/pending/${id}/withdraw`, { as: approver })).body).toMatchObject({
        status: 403,
        code: "ROLE_FORBIDDEN",
      });
      expect((await gw.call("POST", `/api/v1/mode/pending/${id}/withdraw`, { body: { reason: 5 }, as: declarer })).body).toMatchObject({
        status: 422,
        field: "reason",
      });
      expect((await gw.call("POST", `/api/v1/mode/pending/${id}/withdraw`, { body: { reason: "誤操作" }, as: declarer })).status).toBe(200);
      expect((await gw.call("POST", `/api/v1/mode/pending/${id}/withdraw`, { as: declarer })).body).toMatchObject({
        status: 409,
        code: "PENDING_CLOSED",
      });
      expect((await gw.call("POST", `/api/v1/mode/pending/${id}/reject`, { body: { reason: "r" }, as: approver })).body).toMatchObject({
        status: 409,
        code: "PENDING_CLOSED",
      });
    });

    it("answers 404 for an id that names nothing, and 410 once the declaration lapsed", async () => {
      expect((await gw.call("POST", "/api/v1/mode/pending/nothing/reject", { body: { reason: "r" }, as: approver })).body).toMatchObject({
        status: 404,
        code: "PENDING_NOT_FOUND",
      });
      expect((await gw.call("POST", "/api/v1/mode/pending/a%20b/withdraw", { as: declarer })).body).toMatchObject({
        status: 404,
        code: "PENDING_NOT_FOUND",
      });
      const id = await request();
      clock.advance(30 * 60_000);
      expect((await gw.call("POST", `/api/v1/mode/pending/${id}/reject`, { body: { reason: "r" }, as: approver })).body).toMatchObject({
        status: 410,
        code: "PENDING_EXPIRED",
      });
      expect((await gw.call("POST", `/api/v1/mode/pending/${id}/withdraw`, { as: declarer })).body).toMatchObject({ status: 410 });
    });
  });

  it("previews a declaration for a manager without declaring anything", async () => {
    const res = await gw.call("POST", "/api/v1/mode/preview", { body: quake, as: declarer });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ mode: { level: "emergency", incident: "earthquake" }, preview: shownPreview });
    expect(await mode()).toMatchObject({ level: "normal", sequence: 0 });
    expect((await gw.call("GET", "/api/v1/mode/pending", { as: approver })).body.pending).toEqual([]);
  });
});
