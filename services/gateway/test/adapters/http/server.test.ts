import { streams } from "@crisis/platform";
import { NatsServerHandle, startNatsServer } from "@crisis/platform/testing";
import { jetStreamModeLog } from "../../../src/adapters/nats/mode-log";
import { LocalIdp, startLocalIdp } from "../auth/local-idp";
import { GatewayUnderTest, startGateway } from "../gateway-under-test";

describe("the gateway's HTTP edge against a real nats-server", () => {
  let nats: NatsServerHandle;
  let idp: LocalIdp;
  let gw: GatewayUnderTest;
  const manager = { roles: ["manager" as const], sub: "m@city" };
  const flood = { incident: "flood", level: "alert", wards: ["南区"], reason: "緑川 氾濫危険水位" };

  beforeAll(async () => {
    [nats, idp] = await Promise.all([startNatsServer(), startLocalIdp()]);
    gw = await startGateway(nats, idp);
  });
  // Each test starts from a city that never declared anything.
  beforeEach(() => gw.backbone.jsm.streams.purge(streams.mode.name));
  afterAll(async () => {
    await gw.stop();
    await Promise.all([nats.stop(), idp.stop()]);
  });

  it("answers a declaration with 201 once it is stored, and echoes the correlation id", async () => {
    const res = await gw.call("POST", "/api/v1/mode", { body: flood, as: manager, headers: { "x-correlation-id": "corr-0001-flood" } });
    expect(res.status).toBe(201);
    expect(res.headers.get("x-correlation-id")).toBe("corr-0001-flood");
    expect(res.body).toMatchObject({
      eventId: expect.any(String),
      previousLevel: "normal",
      mode: { level: "alert", wards: ["南区"], declaredBy: "m@city" },
    });
    expect((await gw.call("GET", "/api/v1/mode")).body).toMatchObject({ level: "alert", incident: "flood", sequence: res.body.sequence });
  });

  it("refuses an unknown field by name, as problem+json, and stores nothing", async () => {
    const res = await gw.call("POST", "/api/v1/mode", { body: { ...flood, severity: "high" }, as: manager });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ code: "BODY_INVALID", field: "severity" });
    expect(res.body.detail).toBe(
      "送られた内容に誤りがあります（severity）。確かめて、もう一度お試しください。 / Something in the request is not valid (severity). Please check it and try again.",
    );
    expect(res.body.message).toMatch(/^severity: /);
    expect((await gw.call("GET", "/api/v1/mode")).body).toMatchObject({ level: "normal", sequence: 0 });
  });

  it("says a refusal in the request's language: Vietnamese for Accept-Language vi, naming the field", async () => {
    const headers = { "accept-language": "vi-VN,vi;q=0.9,en;q=0.5" };
    const res = await gw.call("POST", "/api/v1/mode", { body: { ...flood, severity: "high" }, as: manager, headers });
    expect(res.body).toMatchObject({
      status: 422,
      code: "BODY_INVALID",
      field: "severity",
      detail: "Nội dung gửi đi có chỗ không hợp lệ (severity). Vui lòng kiểm tra và thử lại.",
    });
    const missing = await gw.call("GET", "/api/v1/nothing", { headers });
    expect(missing.body.detail).toBe("Không tìm thấy nội dung bạn cần. Vui lòng kiểm tra lại địa chỉ.");
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

  it("answers the status 503 while the facility registry could not yet be read (facilities is down)", async () => {
    const res = await gw.call("GET", "/api/v1/status");
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ code: "STATUS_WARMING_UP" });
  });

  it("answers an unknown path with 404 problem+json", async () => {
    expect((await gw.call("GET", "/api/v1/nothing")).body).toMatchObject({ status: 404, code: "ROUTE_NOT_FOUND" });
  });
});
