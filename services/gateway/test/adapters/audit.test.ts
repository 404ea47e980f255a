import { buckets, streams } from "@crisis/platform";
import { NatsServerHandle, startNatsServer } from "@crisis/platform/testing";
import { LocalIdp, startLocalIdp } from "./auth/local-idp";
import { previewingFacilities } from "./fake-facilities";
import { GatewayUnderTest, startGateway } from "./gateway-under-test";

const quake = { incident: "earthquake", level: "emergency", wards: [], reason: "M7.1 震度6強" };
const flood = { incident: "flood", level: "alert", wards: ["南区"], reason: '緑川 "氾濫危険水位"' };
const declarer = { roles: ["manager" as const], sub: "kikikanri-a@city" };
const approver = { roles: ["approver" as const], sub: "fukushicho-b@city" };
const auditor = { roles: ["manager" as const], sub: "auditor@city" };

describe("the audit trail of every accepted change, on a real nats-server", () => {
  let nats: NatsServerHandle;
  let idp: LocalIdp;
  let gw: GatewayUnderTest;

  beforeAll(async () => {
    [nats, idp] = await Promise.all([startNatsServer(), startLocalIdp()]);
    gw = await startGateway(nats, idp, { approval: "normal-to-emergency", facilities: previewingFacilities });
  });
  // Each test starts with an empty trail, in normal mode, nothing pending or remembered.
  beforeEach(async () => {
    gw.clock.set("2026-07-28T07:30:00Z");
    for (const stream of [
      streams.mode.name,
      streams.audit.name,
      `KV_${buckets.pendingDeclarations.name}`,
      `KV_${buckets.idempotency.name}`,
    ]) {
      await gw.backbone.jsm.streams.purge(stream);
    }
  });
  afterAll(async () => {
    await gw.stop();
    await Promise.all([nats.stop(), idp.stop()]);
  });

  const audit = async (query = "", headers: Record<string, string> = {}) =>
    gw.call("GET", `/api/v1/audit${query}`, { as: auditor, headers });

  it("records who asked, who approved, when, what, why, the correlation ids and the preview both of them saw", async () => {
    const requested = await gw.call("POST", "/api/v1/mode", {
      body: quake,
      as: declarer,
      headers: { "x-correlation-id": "corr-request-1" },
    });
    gw.clock.advance(5 * 60_000);
    const path = `/api/v1/mode/pending/${requested.body.pendingId}/approve`;
    expect((await gw.call("POST", path, { as: approver, headers: { "x-correlation-id": "corr-approve-1" } })).status).toBe(201);

    const { records } = (await audit()).body;
    expect(records).toEqual([
      expect.objectContaining({
        at: "2026-07-28T07:30:00.000Z",
        actor: declarer.sub,
        actorRoles: ["manager"],
        kind: "mode.requested",
        why: quake.reason,
        correlationId: "corr-request-1",
        approver: "",
        facilityIds: ["shelter:101"],
        method: "POST",
        path: "/api/v1/mode",
        status: 202,
      }),
      expect.objectContaining({
        at: "2026-07-28T07:35:00.000Z",
        actor: approver.sub,
        kind: "mode.approved",
        approver: approver.sub,
        correlationId: "corr-approve-1",
        facilityIds: ["shelter:101"],
        status: 201,
      }),
    ]);
    expect(JSON.parse(records[0].preview)).toEqual(requested.body.preview);
    expect(records[1].preview).toBe(records[0].preview);
    expect(JSON.parse(records[1].what)).toMatchObject({
      declaredBy: declarer.sub,
      level: "emergency",
      pendingId: requested.body.pendingId,
    });
  });

  it("records a declaration once: not its replays, refusals or previews", async () => {
    const headers = { "idempotency-key": "once-1" };
    expect((await gw.call("POST", "/api/v1/mode", { body: flood, as: declarer, headers })).status).toBe(201);
    expect((await gw.call("POST", "/api/v1/mode", { body: flood, as: declarer, headers })).status).toBe(201);
    expect((await gw.call("POST", "/api/v1/mode", { body: flood, as: declarer })).status).toBe(409);
    expect((await gw.call("POST", "/api/v1/mode", { body: { ...flood, reason: "" }, as: declarer })).status).toBe(422);
    expect((await gw.call("POST", "/api/v1/mode/preview", { body: quake, as: declarer })).status).toBe(200);
    const { records } = (await audit()).body;
    expect(records.map((r: any) => [r.kind, r.actor, r.why])).toEqual([["mode.declared", declarer.sub, flood.reason]]);
    expect(JSON.parse(records[0].what)).toMatchObject({ incident: "flood", level: "alert", wards: ["南区"] });
  });

  it("filters by time, actor, kind and facility", async () => {
    await gw.call("POST", "/api/v1/mode", { body: flood, as: declarer }); // 07:30 mode.declared
    gw.clock.set("2026-07-28T09:00:00Z");
    const stand = { ...flood, level: "normal", reason: "水位低下" };
    await gw.call("POST", "/api/v1/mode", { body: stand, as: { roles: ["manager"], sub: "other@city" } }); // 09:00 mode.declared
    gw.clock.set("2026-07-28T10:00:00Z");
    await gw.call("POST", "/api/v1/mode", { body: quake, as: declarer }); // 10:00 mode.requested, facility shelter:101

    const kinds = async (query: string) => (await audit(query)).body.records.map((r: any) => `${r.at.slice(11, 16)} ${r.kind}`);
    expect(await kinds("?from=2026-07-28T08:00:00Z&to=2026-07-28T10:00:00Z")).toEqual(["09:00 mode.declared"]);
    expect(await kinds("?from=2026-07-28T18:30:00%2B09:00")).toEqual(["10:00 mode.requested"]);
    expect(await kinds(`?actor=${encodeURIComponent(declarer.sub)}`)).toEqual(["07:30 mode.declared", "10:00 mode.requested"]);
    expect(await kinds("?kind=mode.declared")).toEqual(["07:30 mode.declared", "09:00 mode.declared"]);
    expect(await kinds("?facility=shelter:101")).toEqual(["10:00 mode.requested"]);
    expect(await kinds("?facility=shelter:999")).toEqual([]);
  });

  it("answers a page at a time: `next` and a Link header lead to the following page, the last page has none", async () => {
    for (const [minute, reason] of [
      ["07:30", "一"],
      ["07:31", "二"],
      ["07:32", "三"],
    ]) {
      gw.clock.set(`2026-07-28T${minute}:00Z`);
      const level = reason === "二" ? "normal" : "alert";
      expect((await gw.call("POST", "/api/v1/mode", { body: { ...flood, level, reason }, as: declarer })).status).toBe(201);
    }
    const first = await audit("?kind=mode.declared&limit=2");
    expect(first.body.records.map((r: any) => r.why)).toEqual(["一", "二"]);
    expect(first.body.next).toEqual(expect.any(String));
    expect(first.headers.get("link")).toBe(`</api/v1/audit?kind=mode.declared&limit=2&after=${first.body.next}>; rel="next"`);
    const second = await audit(`?kind=mode.declared&limit=2&after=${first.body.next}`);
    expect(second.body).toMatchObject({ records: [expect.objectContaining({ why: "三" })], next: null });
    expect(second.headers.get("link")).toBeNull();
    expect((await audit("?after=somewhere")).body).toMatchObject({ status: 422, field: "after" });
    expect((await audit("?limit=0")).body).toMatchObject({ status: 422, field: "limit" });
  });

  it("answers as CSV for Accept: text/csv or ?format=csv, with quotes doubled", async () => {
    await gw.call("POST", "/api/v1/mode", { body: flood, as: declarer, headers: { "x-correlation-id": "corr-csv-0001" } });
    for (const res of [await audit("", { accept: "text/csv" }), await audit("?format=csv")]) {
      expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
      const lines = res.text.trimEnd().split("\r\n");
      expect(lines[0]).toBe("at,actor,actorRoles,kind,why,approver,facilityIds,correlationId,method,path,status,what,preview");
      expect(lines).toHaveLength(2);
      expect(lines[1]).toMatch(
        /^2026-07-28T07:30:00.000Z,kikikanri-a@city,manager,mode.declared,"緑川 ""氾濫危険水位""",,,corr-csv-0001,POST,\/api\/v1\/mode,201,/,
      );
    }
  });

  it("refuses a malformed time with 422 naming the parameter", async () => {
    expect((await audit("?from=yesterday")).body).toMatchObject({ status: 422, field: "from" });
    expect((await audit("?colour=red")).body).toMatchObject({ status: 422, field: "colour" });
  });
});
