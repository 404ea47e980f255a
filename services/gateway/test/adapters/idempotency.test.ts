import { FakeClock, buckets, streams, waitUntil } from "@crisis/platform";
import { NatsServerHandle, startNatsServer } from "@crisis/platform/testing";
import { kvIdempotencyStore } from "../../src/adapters/nats/idempotency-store";
import { LocalIdp, startLocalIdp } from "./auth/local-idp";
import { previewingAfter, previewingFacilities } from "./fake-facilities";
import { GatewayUnderTest, startGateway } from "./gateway-under-test";

const flood = { incident: "flood", level: "alert", wards: ["南区"], reason: "緑川 氾濫危険水位" };
const manager = { roles: ["manager" as const], sub: "m@city" };

describe("POST with an Idempotency-Key: a retry gets the first answer", () => {
  let nats: NatsServerHandle;
  let idp: LocalIdp;
  let gw: GatewayUnderTest;
  let replica: GatewayUnderTest;

  beforeAll(async () => {
    [nats, idp] = await Promise.all([startNatsServer(), startLocalIdp()]);
    const options = { approval: "normal-to-emergency" as const, facilities: previewingFacilities };
    gw = await startGateway(nats, idp, options);
    replica = await startGateway(nats, idp, { ...options, clock: gw.clock, replica: "replica" });
  });
  beforeEach(async () => {
    for (const stream of [streams.mode.name, `KV_${buckets.idempotency.name}`, `KV_${buckets.pendingDeclarations.name}`])
      await gw.backbone.jsm.streams.purge(stream);
  });
  afterAll(async () => {
    await Promise.all([gw.stop(), replica.stop()]);
    await Promise.all([nats.stop(), idp.stop()]);
  });

  const declare = (target: GatewayUnderTest, key: string | undefined, body: unknown = flood, as = manager) =>
    target.call("POST", "/api/v1/mode", { body, as, headers: key ? { "idempotency-key": key } : {} });
  const storedModes = async () => (await gw.backbone.jsm.streams.info(streams.mode.name)).state.messages;

  it("answers a retried declaration with the first 201 and its body, on any replica, instead of 409 MODE_UNCHANGED", async () => {
    const first = await declare(gw, "retry-1");
    expect(first.status).toBe(201);
    const retry = await declare(gw, "retry-1");
    expect({ status: retry.status, body: retry.body }).toEqual({ status: 201, body: first.body });
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    const elsewhere = await declare(replica, "retry-1");
    expect({ status: elsewhere.status, body: elsewhere.body }).toEqual({ status: 201, body: first.body });
    expect(await storedModes()).toBe(1);
    expect((await declare(gw, undefined)).body).toMatchObject({ status: 409, code: "MODE_UNCHANGED" });
  });

  it("answers a retried request for approval with the same pending declaration, storing one", async () => {
    const quake = { ...flood, incident: "earthquake", level: "emergency", wards: [] };
    const first = await declare(gw, "pending-1", quake);
    const retry = await declare(replica, "pending-1", quake);
    expect(first.status).toBe(202);
    expect({ status: retry.status, body: retry.body }).toEqual({ status: 202, body: first.body });
    expect((await gw.call("GET", "/api/v1/mode/pending", { as: manager })).body.pending).toHaveLength(1);
  });

  it("refuses the same key with a different body", async () => {
    await declare(gw, "reused-1");
    const other = await declare(gw, "reused-1", { ...flood, wards: ["北区"] });
    expect(other.body).toMatchObject({ status: 422, code: "IDEMPOTENCY_KEY_REUSED", field: "Idempotency-Key" });
    expect(await storedModes()).toBe(1);
  });

  it("keeps no refusal, so a corrected retry with the same key goes through", async () => {
    expect((await declare(gw, "fix-1", { ...flood, reason: "" })).status).toBe(422);
    expect((await declare(gw, "fix-1")).status).toBe(201);
  });

  it("replays nothing to another caller using the same key", async () => {
    await declare(gw, "mine-1");
    const stranger = await declare(gw, "mine-1", flood, { roles: ["manager"], sub: "other@city" });
    expect(stranger.headers.get("idempotent-replayed")).toBeNull();
    expect(stranger.body).toMatchObject({ status: 409, code: "MODE_UNCHANGED" });
  });

  it("tells a retry that arrives while the first request still runs to come back, then gives it the first answer", async () => {
    let release = () => {};
    const slow = await startGateway(nats, idp, {
      approval: "normal-to-emergency",
      facilities: previewingAfter(new Promise<void>((resolve) => (release = resolve))),
      replica: "slow",
    });
    try {
      const quake = { ...flood, incident: "earthquake", level: "emergency", wards: [] };
      const first = declare(slow, "slow-1", quake);
      await waitUntil(
        async () => (await gw.backbone.jsm.streams.info(`KV_${buckets.idempotency.name}`)).state.messages === 1,
        "first claimed its key",
      );
      const early = await declare(slow, "slow-1", quake);
      expect(early.body).toMatchObject({ status: 409, code: "IDEMPOTENCY_KEY_IN_FLIGHT" });
      expect(early.headers.get("retry-after")).toBe("1");
      release();
      const answered = await first;
      expect(answered.status).toBe(202);
      const later = await declare(slow, "slow-1", quake);
      expect({ status: later.status, body: later.body }).toEqual({ status: 202, body: answered.body });
    } finally {
      release();
      await slow.stop();
    }
  });

  it("lets a claim lapse when its gateway died before answering, so the retry runs", async () => {
    const clock = new FakeClock("2026-07-28T07:30:00Z");
    const store = await kvIdempotencyStore(gw.backbone.js, { replicas: 1, ttlMs: 3_600_000, leaseMs: 60_000, clock });
    expect(await store.claim("lapsing", "body-a")).toEqual({ kind: "claimed" });
    clock.advance(59_000);
    expect(await store.claim("lapsing", "body-a")).toEqual({ kind: "in-flight", fingerprint: "body-a" });
    clock.advance(1_000);
    expect(await store.claim("lapsing", "body-a")).toEqual({ kind: "claimed" });
  });

  it("refuses a key that is empty or too long", async () => {
    expect((await declare(gw, "x".repeat(256))).body).toMatchObject({ status: 400, code: "IDEMPOTENCY_KEY_INVALID" });
    expect(await storedModes()).toBe(0);
  });
});
