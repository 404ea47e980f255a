import { Agent } from "node:https";
import { rootCertificates } from "node:tls";
import webpush from "web-push";
import { TestPushService, TestTls, createTestTls } from "@crisis/platform/testing";
import { webPushSender } from "../../src/adapters/webpush/web-push-sender";
import { Subscription } from "../../src/domain/subscription";

describe("sending through web-push to a push service that decrypts and checks VAPID", () => {
  let tls: TestTls;
  let pushService: TestPushService;
  const vapid = webpush.generateVAPIDKeys();
  const agent = () => new Agent({ ca: [...rootCertificates, tls.ca] });

  beforeAll(async () => {
    tls = createTestTls();
    pushService = new TestPushService({ tls, vapidPublicKey: vapid.publicKey });
    await pushService.start();
  });
  afterAll(() => pushService.stop());

  const sender = () =>
    webPushSender({ vapid: { subject: "mailto:test@city.example", ...vapid }, ttlSeconds: 60, timeoutMs: 5_000, agent: agent() });
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

  it("delivers a message the user agent can decrypt, with the alert's Topic", async () => {
    const browser = pushService.subscribe();
    const outcome = await sender().send(asSubscription(browser), JSON.stringify({ title: "避難所 183 か所を開設" }), "topic-1");
    expect(outcome).toEqual({ kind: "delivered" });
    expect(pushService.rejections).toEqual([]);
    expect(pushService.messagesFor(browser.id)).toEqual([
      expect.objectContaining({ text: JSON.stringify({ title: "避難所 183 か所を開設" }), topic: "topic-1", urgency: "high", ttl: 60 }),
    ]);
  });

  it("reports a subscription the browser dropped as gone (410)", async () => {
    const browser = pushService.subscribe();
    pushService.expire(browser.id);
    expect(await sender().send(asSubscription(browser), "{}", "t")).toEqual({ kind: "gone", status: 410 });
  });
});
