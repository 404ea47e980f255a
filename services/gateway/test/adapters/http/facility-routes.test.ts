import { generateKeyPairSync } from "node:crypto";
import pino from "pino";
import { AppError, FacilityStatus, FacilityUse, ServiceLevel, ShelterOperation } from "@crisis/platform/contracts";
import { FakeClock, GrpcServer, createReadiness, startGrpcServer, unaryHandler } from "@crisis/platform";
import { Facility } from "@crisis/platform/contracts/facilities";
import { FacilitiesServiceServer, FacilitiesServiceService } from "@crisis/platform/contracts/facilities_service";
import { freePort } from "@crisis/platform/testing";
import { Role, embeddedTokens, privateKeyFrom, publicKeyFrom, signToken } from "../../../src/adapters/auth/tokens";
import { serviceClients } from "../../../src/adapters/grpc/clients";
import { buildHttpServer } from "../../../src/adapters/http/server";

const logger = pino({ level: "silent" });
const shelter = Facility.fromPartial({
  id: "ref:E4310000014111",
  name: "くまもと森都心プラザ",
  category: "culture",
  ward: "西区",
  designatedShelter: true,
  canShelter: true,
  use: FacilityUse.FACILITY_USE_OPEN,
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
  let grpc: GrpcServer;
  let app: ReturnType<typeof buildHttpServer>;
  let services: ReturnType<typeof serviceClients>;
  let base = "";
  const clock = new FakeClock("2026-07-29T00:00:00Z");
  const jwk = generateKeyPairSync("ed25519").privateKey.export({ format: "jwk" });
  const as = async (role: Role) => ({
    authorization: `Bearer ${await signToken(privateKeyFrom(jwk.x!, jwk.d!), `${role}@city`, [role], 3600, clock.now())}`,
  });
  const call = async (path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) => {
    const res = await fetch(`${base}${path}`, {
      method: init.method ?? "GET",
      headers: { ...(init.body ? { "content-type": "application/json" } : {}), ...init.headers },
      body: init.body ? JSON.stringify(init.body) : undefined,
    });
    return { status: res.status, body: (await res.json()) as { services: unknown[] } & Record<string, unknown> };
  };

  beforeAll(async () => {
    grpc = await startGrpcServer("127.0.0.1", 0, [{ definition: FacilitiesServiceService, implementation: impl }]);
    const down = `127.0.0.1:${await freePort()}`;
    services = serviceClients({ facilities: `127.0.0.1:${grpc.port}`, staffing: down, notify: down, deadlineMs: 3000 });
    app = buildHttpServer({
      logger,
      readiness: createReadiness(),
      tokens: embeddedTokens(publicKeyFrom(jwk.x!), clock),
      clock,
      // These routes never declare: the mode side is inert, and nothing is idempotent-replayed or audited here.
      modes: {
        modes: { current: async () => ({ seq: 0 }), append: async () => 0 },
        previewer: { preview: async () => ({ facilities: [], services: [], kept: [], changesByWard: {}, changesByCategory: {} }) },
        pending: { add: async () => undefined, get: async () => undefined, list: async () => [], remove: async () => undefined },
        approval: { policy: "never", ttlMs: 60_000 },
        clock,
        newId: () => "unused",
      },
      services,
      idempotency: { claim: async () => ({ kind: "claimed" }), answer: async () => undefined, release: async () => undefined },
      audit: { append: async () => undefined, readAll: async () => [] },
    });
    base = await app.listen({ host: "127.0.0.1", port: 0 });
  });
  afterAll(async () => {
    await app.close();
    services.close();
    await grpc.stop();
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
    expect(res.body).toMatchObject({ code: "BODY_INVALID", field: "near" });
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
});
