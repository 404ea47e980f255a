import { jetStreamModeLog } from "../../src/adapters/nats/mode-log";
import { Gateway, startGateway } from "../support/gateway";

describe("the gateway's HTTP edge against a real nats-server", () => {
  let gw: Gateway;
  const manager = async () => ({ authorization: `Bearer ${await gw.token()}` });
  /** Real HTTP on a local port (fastify's inject pulls in an ESM-only module jest cannot load). */
  const call = async (path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) => {
    const res = await fetch(`${gw.base}${path}`, {
      method: init.method ?? "GET",
      headers: { ...(init.body ? { "content-type": "application/json" } : {}), ...init.headers },
      body: init.body ? JSON.stringify(init.body) : undefined,
    });
    return { status: res.status, headers: res.headers, body: await res.json() };
  };
  const declare = async (body: unknown) => call("/api/v1/mode", { method: "POST", body, headers: await manager() });

  // Facilities is down: the status cannot list the registry.
  beforeAll(async () => (gw = await startGateway()));
  afterAll(() => gw.stop());

  it("answers a declaration with 201 once it is stored, and echoes the correlation id", async () => {
    const res = await call("/api/v1/mode", {
      method: "POST",
      body: { incident: "flood", level: "alert", wards: ["南区"], reason: "緑川 氾濫危険水位" },
      headers: { ...(await manager()), "x-correlation-id": "corr-0001-flood" },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("x-correlation-id")).toBe("corr-0001-flood");
    expect(res.body).toMatchObject({ eventId: "mode-1", sequence: 1, previousLevel: "normal", mode: { level: "alert", wards: ["南区"] } });
    expect((await call("/api/v1/mode")).body).toMatchObject({ level: "alert", incident: "flood", sequence: 1 });
  });

  it("refuses an unknown field by name, as problem+json, and stores nothing", async () => {
    const res = await declare({ incident: "flood", level: "emergency", reason: "x", severity: "high" });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ code: "BODY_INVALID", field: "severity" });
    expect((await call("/api/v1/mode")).body).toMatchObject({ sequence: 1 });
  });

  it("refuses a declaration written against a mode that another manager has since changed", async () => {
    const log = jetStreamModeLog(gw.backbone);
    const seen = await log.current();
    const mode = { incident: 1, level: 4, wards: [], reason: "", declaredBy: "a", declaredAt: "" };
    await log.append({ eventId: "first", mode, previousLevel: 1 }, seen.seq, "c");
    await expect(log.append({ eventId: "second", mode, previousLevel: 1 }, seen.seq, "c")).rejects.toMatchObject({
      status: 409,
      code: "MODE_CONFLICT",
    });
  });

  it("answers the status with 503 while the facility registry cannot be listed", async () => {
    const res = await call("/api/v1/status");
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ code: "STATUS_WARMING_UP" });
  });

  it("answers an unknown path with 404 problem+json", async () => {
    expect((await call("/api/v1/nothing")).body).toMatchObject({ status: 404, code: "ROUTE_NOT_FOUND" });
  });
});
