import pino from "pino";
import {
  AppError,
  FacilityStatus,
  FacilityUse,
  ServiceLevel,
  ShelterOperation,
  guidanceToWire,
  noGuidance,
} from "@crisis/platform/contracts";
import { FakeClock, unaryHandler } from "@crisis/platform";
import { FacilitiesServiceServer } from "@crisis/platform/contracts/facilities_service";
import { NatsServerHandle, startNatsServer } from "@crisis/platform/testing";
import { Role } from "../../../../src/adapters/auth/tokens";
import { LocalIdp, startLocalIdp } from "../../../adapters/auth/local-idp";
import { Answer, GatewayUnderTest, startGateway } from "../../../adapters/gateway-under-test";
import { operations } from "../../../../src/adapters/http/route-catalogue";
import { moritoPlaza } from "../../../support/gateway";

const logger = pino({ level: "silent" });
const shelter = moritoPlaza({
  shelter: ShelterOperation.SHELTER_OPERATION_OPEN,
  status: FacilityStatus.FACILITY_STATUS_SHELTER_OPEN,
  statusSince: "2026-07-28T07:40:00Z",
});

/**
 * The gateway's facility, shelter and service routes against a stand-in facilities gRPC server that
 * records what reaches it: the routes' own work (auth, validation, words ↔ contract values, Tokyo
 * times) is what is tested here; the facilities service's rules have their own tests.
 */
describe("the facility, shelter and counter-service routes", () => {
  const calls: { rpc: string; request: unknown }[] = [];
  const record = (rpc: string) => (request: unknown) => void calls.push({ rpc, request });
  const impl: FacilitiesServiceServer = {
    listFacilities: unaryHandler(
      logger,
      "ListFacilities",
      async (req) => (record("list")(req), { facilities: [shelter], nextCursor: "b2:1", total: 2 }),
    ),
    getFacility: unaryHandler(logger, "GetFacility", async (req) => {
      if (req.id !== shelter.id) throw new AppError("FACILITY_NOT_FOUND", 404, `facility "${req.id}" does not exist`, "id");
      return { facility: shelter };
    }),
    previewMode: unaryHandler(logger, "PreviewMode", async () => ({})),
    getGuidance: unaryHandler(logger, "GetGuidance", async () => guidanceToWire(noGuidance())),
    addRestriction: unaryHandler(logger, "AddRestriction", async (req) => {
      record("addRestriction")(req);
      return {
        restriction: { ...req, id: "r1", source: 2, endedAt: "", endedBy: "", causeEventId: "", startsAt: "2026-07-29T00:00:00.000Z" },
        facility: shelter,
      };
    }),
    endRestriction: unaryHandler(logger, "EndRestriction", async (req) => (record("endRestriction")(req), { facility: shelter })),
    setShelter: unaryHandler(
      logger,
      "SetShelter",
      async (req) => (record("setShelter")(req), { facility: { ...shelter, shelter: req.state }, changed: false }),
    ),
    correctFacility: unaryHandler(
      logger,
      "CorrectFacility",
      async (req) => (record("correct")(req), { facility: shelter, fields: ["address"] }),
    ),
    listServices: unaryHandler(logger, "ListServices", async () => ({
      services: [
        {
          id: "risai_home",
          name: "り災証明書（住家）",
          nameEn: "x",
          channels: [
            {
              channel: "online",
              level: ServiceLevel.SERVICE_LEVEL_EXTENDED,
              reason: "マイナポータル",
              startsAt: "2026-08-10T00:00:00Z",
              endsAt: "",
              source: 2,
            },
          ],
        },
      ],
    })),
    setServiceLevel: unaryHandler(
      logger,
      "SetServiceLevel",
      async (req) => (
        record("setServiceLevel")(req),
        { service: { id: req.serviceId, name: "", nameEn: "", channels: [] }, changed: true }
      ),
    ),
  };
  let nats: NatsServerHandle;
  let idp: LocalIdp;
  let gw: GatewayUnderTest;
  const clock = new FakeClock("2026-07-29T00:00:00Z");
  const as = async (role: Role) => ({ authorization: `Bearer ${await gw.token([role], `${role}@city`)}` });
  const call = async (path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
    gw.call(init.method ?? "GET", path, { body: init.body, headers: init.headers });

  beforeAll(async () => {
    [nats, idp] = await Promise.all([startNatsServer(), startLocalIdp()]);
    gw = await startGateway(nats, idp, { facilities: impl as never, clock, registry: [shelter] });
  });
  afterAll(async () => {
    await gw.stop();
    await Promise.all([nats.stop(), idp.stop()]);
  });
  beforeEach(() => calls.splice(0));

  it("lists facilities for anyone, turning words and near=<lat>,<lon> into the contract's filters", async () => {
    const res = await call("/api/v1/facilities?ward=西区&use=closed&shelter=open&near=32.79,130.69&radiusM=1500&limit=1");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      total: 2,
      nextCursor: "b2:1",
      facilities: [{ id: shelter.id, shelter: "open", status: "shelter_open", use: "open", statusSince: "2026-07-28T16:40:00+09:00" }],
    });
    expect(calls[0].request).toMatchObject({
      ward: "西区",
      use: FacilityUse.FACILITY_USE_CLOSED,
      shelter: ShelterOperation.SHELTER_OPERATION_OPEN,
      hasNear: true,
      nearLatitude: 32.79,
      nearLongitude: 130.69,
      radiusM: 1500,
      limit: 1,
    });
  });

  it("refuses a near= outside Japan by naming the field, calling nothing", async () => {
    const res = await call("/api/v1/facilities?near=48.85,2.35");
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: "QUERY_INVALID", field: "near" });
    expect(calls).toEqual([]);
  });

  it("answers an unknown facility with the service's 404 naming the id", async () => {
    const res = await call("/api/v1/facilities/nope");
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: "FACILITY_NOT_FOUND", field: "id" });
  });

  it("lets a facility_admin add a restriction (201, author from the token) and refuses a citizen without a token", async () => {
    const body = { kind: "reduced_hours", reason: "余震のため", hours: "10:00-15:00", startsAt: "2026-07-29T10:00:00+09:00" };
    expect((await call(`/api/v1/facilities/${shelter.id}/restrictions`, { method: "POST", body })).status).toBe(401);
    const res = await call(`/api/v1/facilities/${shelter.id}/restrictions`, { method: "POST", body, headers: await as("facility_admin") });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: "r1",
      kind: "reduced_hours",
      startsAt: "2026-07-29T09:00:00+09:00",
      facility: { id: shelter.id },
    });
    expect(calls).toEqual([
      {
        rpc: "addRestriction",
        request: expect.objectContaining({
          kind: FacilityUse.FACILITY_USE_REDUCED_HOURS,
          author: "facility_admin@city",
          hours: "10:00-15:00",
        }),
      },
    ]);
  });

  it("refuses an unknown kind and a time without a zone by naming the field, storing nothing", async () => {
    const h = await as("manager");
    const kind = await call(`/api/v1/facilities/${shelter.id}/restrictions`, {
      method: "POST",
      body: { kind: "shut", reason: "x" },
      headers: h,
    });
    expect(kind.body).toMatchObject({ code: "BODY_INVALID", field: "kind" });
    const time = await call(`/api/v1/facilities/${shelter.id}/restrictions`, {
      method: "POST",
      body: { kind: "closed", reason: "x", endsAt: "2026-07-30 09:00" },
      headers: h,
    });
    expect(time.body).toMatchObject({ code: "BODY_INVALID", field: "endsAt" });
    expect(calls).toEqual([]);
  });

  it("forbids staff without a writing role from opening a shelter", async () => {
    const res = await call(`/api/v1/shelters/${shelter.id}`, {
      method: "PUT",
      body: { state: "open", reason: "x" },
      headers: await as("staff"),
    });
    expect(res.status).toBe(403);
    expect(calls).toEqual([]);
  });

  it("opens a shelter with PUT {state, reason} → 200 with its state, passing the operator's name", async () => {
    const res = await call(`/api/v1/shelters/${shelter.id}`, {
      method: "PUT",
      body: { state: "closed", reason: "天井材の落下" },
      headers: await as("manager"),
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: shelter.id, state: "closed", changed: false });
    expect(calls[0]).toEqual({
      rpc: "setShelter",
      request: expect.objectContaining({ state: ShelterOperation.SHELTER_OPERATION_CLOSED, author: "manager@city" }),
    });
  });

  it("refuses a shelter change without a reason (422 naming reason), calling nothing and auditing nothing", async () => {
    for (const body of [
      { state: "closed" },
      { state: "closed", reason: "" },
      { state: "closed", reason: "  " },
      { state: "closed", reason: 3 },
    ]) {
      const res = await call(`/api/v1/shelters/${shelter.id}`, { method: "PUT", body, headers: await as("facility_admin") });
      expect(res.body).toMatchObject({ status: 422, code: "BODY_INVALID", field: "reason" });
    }
    expect(calls).toEqual([]);
    const audit = await call("/api/v1/audit?kind=shelter.closed", { headers: await as("manager") });
    expect(audit.body.records.filter((r: { actor: string }) => r.actor === "facility_admin@city")).toEqual([]);
  });

  it("audits a shelter change with the facility's id, name and ward, the reason and the actor", async () => {
    const res = await call(`/api/v1/shelters/${shelter.id}`, {
      method: "PUT",
      body: { state: "closed", reason: "余震で外壁にひび" },
      headers: await as("facility_admin"),
    });
    expect(res.status).toBe(200);
    const audit = await call(`/api/v1/audit?kind=shelter.closed&actor=facility_admin@city`, { headers: await as("manager") });
    const record = audit.body.records.at(-1);
    expect(record).toMatchObject({
      actor: "facility_admin@city",
      actorRoles: ["facility_admin"],
      why: "余震で外壁にひび",
      facilityIds: [shelter.id],
    });
    expect(JSON.parse(record.what)).toEqual({
      facilityId: shelter.id,
      name: "くまもと森都心プラザ",
      ward: "西区",
      state: "closed",
      changed: false,
    });
  });

  it("corrects the registry with PATCH, refusing coordinates outside Japan", async () => {
    const h = await as("facility_admin");
    const bad = await call(`/api/v1/facilities/${shelter.id}`, { method: "PATCH", body: { latitude: 0 }, headers: h });
    expect(bad.body).toMatchObject({ code: "BODY_INVALID", field: "latitude" });
    const ok = await call(`/api/v1/facilities/${shelter.id}`, {
      method: "PATCH",
      body: { address: "熊本市西区春日1-14-1", reason: "番地の誤り" },
      headers: h,
    });
    expect(ok.body).toMatchObject({ fields: ["address"] });
    expect(calls).toEqual([
      { rpc: "correct", request: expect.objectContaining({ correction: { address: "熊本市西区春日1-14-1" }, reason: "番地の誤り" }) },
    ]);
  });

  it("lists counter services with their levels in words and sets one channel's level", async () => {
    const list = await call("/api/v1/services");
    expect(list.body.services[0]).toMatchObject({
      id: "risai_home",
      channels: [{ channel: "online", level: "extended", source: "manual", startsAt: "2026-08-10T09:00:00+09:00" }],
    });
    const put = await call("/api/v1/services/juminhyo/channels/counter", {
      method: "PUT",
      body: { level: "suspended", reason: "庁舎点検" },
      headers: await as("manager"),
    });
    expect(put.status).toBe(200);
    expect(calls).toEqual([
      {
        rpc: "setServiceLevel",
        request: expect.objectContaining({ serviceId: "juminhyo", channel: "counter", level: ServiceLevel.SERVICE_LEVEL_SUSPENDED }),
      },
    ]);
  });

  it("answers each facility, shelter and service route as the API document describes it, with no undescribed field", async () => {
    const manager = await as("manager");
    const checks: [string, number, Promise<Answer>][] = [
      ["GET /api/v1/facilities", 200, call("/api/v1/facilities?ward=西区")],
      ["GET /api/v1/facilities/:id", 200, call(`/api/v1/facilities/${shelter.id}`)],
      [
        "POST /api/v1/facilities/:id/restrictions",
        201,
        call(`/api/v1/facilities/${shelter.id}/restrictions`, {
          method: "POST",
          body: { kind: "closed", reason: "点検" },
          headers: manager,
        }),
      ],
      [
        "DELETE /api/v1/facilities/:id/restrictions/:restrictionId",
        200,
        call(`/api/v1/facilities/${shelter.id}/restrictions/r1`, { method: "DELETE", headers: manager }),
      ],
      [
        "PATCH /api/v1/facilities/:id",
        200,
        call(`/api/v1/facilities/${shelter.id}`, { method: "PATCH", body: { hours: "9:00-17:00" }, headers: manager }),
      ],
      [
        "PUT /api/v1/shelters/:id",
        200,
        call(`/api/v1/shelters/${shelter.id}`, { method: "PUT", body: { state: "open", reason: "安全確認" }, headers: manager }),
      ],
      ["GET /api/v1/services", 200, call("/api/v1/services")],
      [
        "PUT /api/v1/services/:id/channels/:channel",
        200,
        call("/api/v1/services/juminhyo/channels/counter", {
          method: "PUT",
          body: { level: "suspended", reason: "点検" },
          headers: manager,
        }),
      ],
    ];
    for (const [route, status, answer] of checks) {
      const res = await answer;
      expect(`${route} ${res.status}`).toBe(`${route} ${status}`);
      const parsed = operations[route].answers![status].safeParse(res.body);
      expect(parsed.error).toBeUndefined();
      // The schema drops fields it does not describe: equal means every field is described.
      expect(parsed.data).toEqual(res.body);
    }
  });
});
