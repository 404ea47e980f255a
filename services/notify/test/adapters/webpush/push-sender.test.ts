import { createECDH, randomBytes } from "node:crypto";
import { Server, createServer } from "node:https";
import { AddressInfo } from "node:net";
import webpush from "web-push";
import { FakeClock, createReadiness, startHealthServer, systemClock } from "@crisis/platform";
import { TestPushService, TestTls, checkVapid, createTestTls, decryptAes128gcm } from "@crisis/platform/testing";
import { inlineEncryptor, workerEncryptor } from "../../../src/adapters/webpush/encryption-pool";
import { OriginGate, poolingPushSender } from "../../../src/adapters/webpush/push-sender";
import { vapidAuthorizer } from "../../../src/adapters/webpush/vapid";
import { Subscription } from "../../../src/domain/subscription";

const vapid = { subject: "mailto:test@city.example", ...webpush.generateVAPIDKeys() };
const options = { topic: "topic-1", ttlSeconds: 60, urgency: "high" };
const asSubscription = (browser: ReturnType<TestPushService["subscribe"]>): Subscription => ({
  id: browser.id,
  endpoint: browser.json.endpoint,
  p256dh: browser.json.keys.p256dh,
  auth: browser.json.keys.auth,
  topics: [],
  lang: "ja",
  tokenHash: "",
  createdAt: "",
});

describe("RFC 8291 encryption on node:crypto, decrypted independently", () => {
  const userAgent = () => {
    const ecdh = createECDH("prime256v1");
    return { ecdh, publicKey: ecdh.generateKeys(), authSecret: randomBytes(16) };
  };

  it("gives a body the user agent decrypts to the same text, with a fresh sender key per message", async () => {
    const ua = userAgent();
    const job = { payload: "避難所 209 か所を開設", p256dh: ua.publicKey.toString("base64url"), auth: ua.authSecret.toString("base64url") };
    const [first, second] = await inlineEncryptor.encrypt([job, job]);
    expect(decryptAes128gcm(first, ua)).toBe("避難所 209 か所を開設");
    expect(decryptAes128gcm(second, ua)).toBe("避難所 209 か所を開設");
    expect(first.subarray(21, 86)).not.toEqual(second.subarray(21, 86));
  });

  it("encrypts the same way on worker threads", async () => {
    const encryptor = workerEncryptor(2);
    try {
      const agents = Array.from({ length: 40 }, userAgent);
      const bodies = await encryptor.encrypt(
        agents.map((ua, i) => ({
          payload: `message ${i}`,
          p256dh: ua.publicKey.toString("base64url"),
          auth: ua.authSecret.toString("base64url"),
        })),
      );
      expect(bodies.map((b, i) => decryptAes128gcm(b, agents[i]))).toEqual(agents.map((_, i) => `message ${i}`));
    } finally {
      await encryptor.stop();
    }
  });
});

describe("VAPID tokens signed once per push-service origin", () => {
  it("reuses the token for an origin until less than an hour of its 12 h is left, and signs one per origin", () => {
    const clock = new FakeClock("2026-07-28T07:30:00Z");
    const authorize = vapidAuthorizer(vapid, clock);
    const first = authorize("https://fcm.googleapis.com");
    const now = () => Math.floor(clock.now().getTime() / 1000);
    expect(checkVapid(first, "https://fcm.googleapis.com", now(), vapid.publicKey)).toMatchObject({ ok: true });
    expect(authorize("https://updates.push.services.mozilla.com")).not.toBe(first);
    clock.advance(10 * 3600 * 1000);
    expect(authorize("https://fcm.googleapis.com")).toBe(first);
    clock.advance(1.5 * 3600 * 1000);
    const renewed = authorize("https://fcm.googleapis.com");
    expect(renewed).not.toBe(first);
    expect(checkVapid(renewed, "https://fcm.googleapis.com", now(), vapid.publicKey)).toMatchObject({ ok: true });
  });
});

describe("sending on per-origin connection pools to a push service that decrypts and checks VAPID", () => {
  let tls: TestTls;
  let pushService: TestPushService;

  beforeAll(async () => {
    tls = createTestTls();
    pushService = new TestPushService({ tls, vapidPublicKey: vapid.publicKey });
    await pushService.start();
  });
  afterAll(() => pushService.stop());

  const sender = () =>
    poolingPushSender({
      encryptor: inlineEncryptor,
      authorization: vapidAuthorizer(vapid, systemClock),
      concurrencyPerOrigin: 4,
      timeoutMs: 5_000,
      ca: [tls.ca],
    });

  it("delivers messages the user agent can decrypt, with Topic, Urgency and TTL", async () => {
    const s = sender();
    const browsers = Array.from({ length: 20 }, () => pushService.subscribe());
    const outcomes = await Promise.all(browsers.map((b, i) => s.send(asSubscription(b), JSON.stringify({ n: i }), options)));
    await s.close();
    expect(outcomes.every((o) => o.kind === "delivered")).toBe(true);
    expect(pushService.rejections).toEqual([]);
    expect(pushService.messagesFor(browsers[7].id)).toEqual([
      expect.objectContaining({ text: JSON.stringify({ n: 7 }), topic: "topic-1", urgency: "high", ttl: 60 }),
    ]);
  });

  it("counts each push by its outcome in pushes_sent_total, served on the health port's /metrics", async () => {
    const health = await startHealthServer("127.0.0.1", 0, createReadiness());
    const counted = async () => {
      const text = await (await fetch(`http://127.0.0.1:${health.port}/metrics`)).text();
      const value = (outcome: string) => Number(new RegExp(`^pushes_sent_total{outcome="${outcome}"} (\\d+)$`, "m").exec(text)?.[1] ?? 0);
      return { delivered: value("delivered"), gone: value("gone") };
    };
    try {
      const before = await counted();
      const s = sender();
      const browsers = Array.from({ length: 3 }, () => pushService.subscribe());
      pushService.expire(browsers[2].id);
      await Promise.all(browsers.map((b) => s.send(asSubscription(b), "{}", options)));
      await s.close();
      expect(await counted()).toEqual({ delivered: before.delivered + 2, gone: before.gone + 1 });
    } finally {
      await health.stop();
    }
  });

  it("reports a subscription the browser dropped as gone (410)", async () => {
    const s = sender();
    const browser = pushService.subscribe();
    pushService.expire(browser.id);
    expect(await s.send(asSubscription(browser), "{}", options)).toEqual({ kind: "gone", status: 410 });
    await s.close();
  });
});

describe("what the sender makes of a push service's refusals", () => {
  let tls: TestTls;
  let server: Server;
  let origin = "";
  const answers: { status: number; headers?: Record<string, string> }[] = [];

  beforeAll(async () => {
    tls = createTestTls();
    server = createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
      req.resume();
      req.on("end", () => {
        const answer = answers.shift() ?? { status: 201 };
        res.writeHead(answer.status, answer.headers).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    origin = `https://localhost:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const ua = createECDH("prime256v1");
  const subscription: Subscription = {
    id: "s",
    endpoint: "",
    p256dh: ua.generateKeys().toString("base64url"),
    auth: randomBytes(16).toString("base64url"),
    topics: [],
    lang: "ja",
    tokenHash: "",
    createdAt: "",
  };
  const send = async () => {
    const s = poolingPushSender({
      encryptor: inlineEncryptor,
      authorization: vapidAuthorizer(vapid, systemClock),
      concurrencyPerOrigin: 1,
      timeoutMs: 5_000,
      ca: [tls.ca],
    });
    const first = await s.send({ ...subscription, endpoint: `${origin}/push/s` }, "{}", options);
    const next = await s.send({ ...subscription, endpoint: `${origin}/push/s` }, "{}", options);
    await s.close();
    return { first, next };
  };

  it("hands back a 429's Retry-After (seconds or an HTTP date) for the push to wait, and keeps sending", async () => {
    answers.push({ status: 429, headers: { "retry-after": "7" } });
    const { first, next } = await send();
    expect(first).toEqual({ kind: "retry", reason: "rate limited (429)", delayMs: 7000 });
    expect(next).toEqual({ kind: "delivered" });
    answers.push({ status: 429, headers: { "retry-after": new Date(Date.now() + 60_000).toUTCString() } });
    const dated = (await send()).first;
    expect(dated).toMatchObject({ kind: "retry" });
    expect((dated as { delayMs: number }).delayMs).toBeGreaterThan(50_000);
  });

  it("retries a 5xx without a delay of its own (the caller backs off)", async () => {
    answers.push({ status: 503 });
    expect((await send()).first).toEqual({ kind: "retry", reason: "push service answered 503" });
  });

  it("does not retry another 4xx", async () => {
    answers.push({ status: 413 });
    expect((await send()).first).toMatchObject({ kind: "rejected", status: 413 });
  });
});

describe("the concurrency limit of one push-service origin", () => {
  const inFlight = async (gate: OriginGate, tries: number) => {
    let got = 0;
    for (let i = 0; i < tries; i++) void gate.acquire().then(() => got++);
    await new Promise((r) => setImmediate(r));
    return got;
  };

  it("lets at most its limit through, halves on a 429 and grows back by one per accepted push", async () => {
    const gate = new OriginGate(8);
    expect(await inFlight(gate, 20)).toBe(8);
    const halved = new OriginGate(8);
    halved.rateLimited();
    expect(await inFlight(halved, 20)).toBe(4);
    const more = new OriginGate(8);
    more.rateLimited();
    more.accepted();
    more.accepted();
    expect(await inFlight(more, 20)).toBe(6);
  });
});
