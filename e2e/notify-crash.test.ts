import { BrowserSubscription } from "@crisis/platform/testing";
import { Harness, eventually, startHarness } from "./harness";

const subscribers = 240;
const concurrency = 16;
/** The push service stops answering after this many: the fan-out is then surely part-way. */
const holdAfter = 80;

describe("a notify crash in the middle of a fan-out", () => {
  let h: Harness;
  const browsers: BrowserSubscription[] = [];

  beforeAll(async () => {
    h = await startHarness({ env: { PUSH_CONCURRENCY: String(concurrency), NOTIFY_ACK_WAIT_MS: "2000" } });
  });
  afterAll(() => h.stop());

  it(`delivers the alert to each of ${subscribers} subscribers exactly once after SIGKILL and restart`, async () => {
    for (let i = 0; i < subscribers; i++) {
      const browser = h.pushService.subscribe();
      browsers.push(browser);
      const res = await h.api("POST", "/api/v1/subscriptions", {
        subscription: browser.json,
        topics: ["category:shelter"],
        lang: i % 2 ? "en" : "ja",
      });
      expect(res.status).toBe(201);
    }
    h.pushService.onAccepted = (_push, accepted) => {
      if (accepted === holdAfter) h.pushService.hold();
    };

    const manager = { authorization: `Bearer ${await h.token("manager")}` };
    const declared = await h.api("POST", "/api/v1/mode", { incident: "earthquake", level: "emergency", reason: "M7.1" }, manager);
    expect(declared.status).toBe(201);

    // Notify is now waiting on answers that do not come: kill it in the middle of the fan-out.
    await eventually(() => h.pushService.held > 0, "pushes waiting on the held push service", 60_000);
    await h.system.kill("notify");
    const acceptedAtKill = h.pushService.accepted;
    expect(acceptedAtKill).toBe(holdAfter);

    await eventually(() => h.pushService.held === 0, "the killed sender's held requests dropped");
    h.pushService.release();
    await h.system.start("notify");
    await eventually(() => browsers.every((b) => h.pushService.messagesFor(b.id).length > 0), "every subscriber reached", 60_000);
    await eventually(() => h.deliveriesSettled(), "delivery queue drained", 60_000);

    expect(h.pushService.rejections).toEqual([]);
    const perSubscriber = browsers.map((b) => h.pushService.messagesFor(b.id));
    expect(perSubscriber.filter((m) => m.length !== 1)).toEqual([]);
    const alertIds = new Set(perSubscriber.map(([m]) => JSON.parse(m.text).alertId));
    expect(alertIds).toEqual(new Set([`${declared.body.eventId}.alert`]));
    // Pushes in flight at the kill may reach the push service twice; their shared Topic makes the
    // second replace the first, so no subscriber sees two. Never more than were in flight.
    const resent = h.pushService.accepted - subscribers;
    expect(resent).toBe(h.pushService.replaced);
    expect(resent).toBeLessThanOrEqual(concurrency);
    console.info(
      `crash test: killed at ${acceptedAtKill}/${subscribers} accepted; resent after restart ${resent}; delivered once each: ${subscribers}`,
    );
  }, 180_000);
});
