import { generateKeyPairSync } from "node:crypto";
import pino from "pino";
import { Backbone, FakeClock, connectBackbone, createReadiness, ensureStreams, streams } from "@crisis/platform";
import { NatsServerHandle, freePort, startNatsServer } from "@crisis/platform/testing";
import { privateKeyFrom, publicKeyFrom, signToken } from "../../src/adapters/auth/tokens";
import { serviceClients } from "../../src/adapters/grpc/clients";
import { buildHttpServer } from "../../src/adapters/http/server";
import { jetStreamModeLog } from "../../src/adapters/nats/mode-log";

describe("the gateway's HTTP edge against a real nats-server", () => {
  let nats: NatsServerHandle;
  let backbone: Backbone;
  let app: ReturnType<typeof buildHttpServer>;
  let services: ReturnType<typeof serviceClients>;
  const clock = new FakeClock("2026-07-28T07:30:00Z");
  const jwk = generateKeyPairSync("ed25519").privateKey.export({ format: "jwk" });
  let ids = 0;
  const manager = async () => ({
    authorization: `Bearer ${await signToken(privateKeyFrom(jwk.x!, jwk.d!), "m@city", ["manager"], 3600, clock.now())}`,
  });
  let base = "";
  /** Real HTTP on a local port (fastify's inject pulls in an ESM-only module jest cannot load). */
  const call = async (path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) => {
    const res = await fetch(`${base}${path}`, {
      method: init.method ?? "GET",
      headers: { ...(init.body ? { "content-type": "application/json" } : {}), ...init.headers },
      body: init.body ? JSON.stringify(init.body) : undefined,
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as any };
  };
  const declare = async (body: unknown) => call("/api/v1/mode", { method: "POST", body, headers: await manager() });

  beforeAll(async () => {
    nats = await startNatsServer();
    const logger = pino({ level: "silent" });
    backbone = await connectBackbone(nats.url, "gateway-test", logger);
    await ensureStreams(backbone.jsm, [streams.mode]);
    // Nothing listens on these ports: the services are down.
    const down = `127.0.0.1:${await freePort()}`;
    services = serviceClients({ facilities: down, staffing: down, notify: down, deadlineMs: 300 });
    app = buildHttpServer({
      logger,
      readiness: createReadiness(),
      tokenKey: publicKeyFrom(jwk.x!),
      clock,
      modes: { modes: jetStreamModeLog(backbone), clock, newId: () => `mode-${++ids}` },
      services,
    });
    base = await app.listen({ host: "127.0.0.1", port: 0 });
  });
  // Each test starts from a city that never declared anything.
  beforeEach(async () => {
    await backbone.jsm.streams.purge(streams.mode.name);
    ids = 0;
  });
  afterAll(async () => {
    await app.close();
    services.close();
    await backbone.nc.close();
    await nats.stop();
  });

  it("answers a declaration with 201 once it is stored, and echoes the correlation id", async () => {
    const res = await call("/api/v1/mode", {
      method: "POST",
      body: { incident: "flood", level: "alert", wards: ["南区"], reason: "緑川 氾濫危険水位" },
      headers: { ...(await manager()), "x-correlation-id": "corr-0001-flood" },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("x-correlation-id")).toBe("corr-0001-flood");
    expect(res.body).toMatchObject({ eventId: "mode-1", previousLevel: "normal", mode: { level: "alert", wards: ["南区"] } });
    expect((await call("/api/v1/mode")).body).toMatchObject({ level: "alert", incident: "flood", sequence: res.body.sequence });
  });

  it("refuses an unknown field by name, as problem+json, and stores nothing", async () => {
    const res = await declare({ incident: "flood", level: "emergency", reason: "x", severity: "high" });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ code: "BODY_INVALID", field: "severity" });
    expect((await call("/api/v1/mode")).body).toMatchObject({ level: "normal", sequence: 0 });
  });

  it("refuses a declaration written against a mode that another manager has since changed", async () => {
    const log = jetStreamModeLog(backbone);
    const seen = await log.current();
    const mode = { incident: 1, level: 4, wards: [], reason: "", declaredBy: "a", declaredAt: "" };
    await log.append({ eventId: "first", mode, previousLevel: 1 }, seen.seq, "c");
    await expect(log.append({ eventId: "second", mode, previousLevel: 1 }, seen.seq, "c")).rejects.toMatchObject({
      status: 409,
      code: "MODE_CONFLICT",
    });
  });

  it("answers 503 within the deadline when the facilities service is down", async () => {
    const res = await call("/api/v1/status");
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ code: "UPSTREAM_UNAVAILABLE" });
  });

  it("answers an unknown path with 404 problem+json", async () => {
    expect((await call("/api/v1/nothing")).body).toMatchObject({ status: 404, code: "ROUTE_NOT_FOUND" });
  });
});
