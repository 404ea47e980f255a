import { publishEvent, waitUntil } from "@crisis/platform";
import { eventTypes } from "@crisis/platform/contracts";
import { BrowserSubscription } from "@crisis/platform/testing";
import { NotifyFixture, startNotifyFixture } from "../../notify-fixture";
import { shelterOpened } from "../../examples";

const subscribers = 120;

describe("two notify instances side by side on one nats-server", () => {
  let f: NotifyFixture;

  beforeAll(async () => {
    f = await startNotifyFixture({ concurrency: 4, batches: 2 });
  });
  afterAll(() => f.stop());

  it("gives each subscriber each message exactly once, whichever instance issued the alert and sent the pushes", async () => {
    const { pushService } = f;
    // Each with its own connection, subscription index, connection pools and consumers.
    const a = f;
    const b = await f.instance("notify-b");
    await a.issueAlerts();
    await b.issueAlerts();
    const browsers: BrowserSubscription[] = [];
    for (let i = 0; i < subscribers; i++) {
      // Half subscribe through each instance, as a load balancer would spread them.
      browsers.push(await f.subscribe(["category:shelter"], i % 2 ? "en" : "ja", i % 2 ? a.store : b.store));
    }
    await waitUntil(
      () => [a, b].every((x) => [...x.store.followers("category:shelter")].length === subscribers),
      "both indexes hold every subscription",
    );

    const declarations = ["m1", "m2"];
    for (const modeEventId of declarations) {
      const applied = shelterOpened(modeEventId);
      // Published twice, as a facilities instance retrying after a crash would: JetStream keeps one.
      for (let i = 0; i < 2; i++) {
        await publishEvent(a.backbone.js, eventTypes.playbookApplied, applied, { eventId: applied.eventId, correlationId: modeEventId });
      }
    }

    await waitUntil(() => browsers.every((x) => pushService.messagesFor(x.id).length === 2), "every subscriber has both messages", 60_000);
    const alertsPerSubscriber = browsers.map((x) =>
      pushService
        .messagesFor(x.id)
        .map((m) => JSON.parse(m.text).alertId)
        .sort(),
    );
    expect(alertsPerSubscriber.filter((ids) => ids.join() !== "m1.alert,m2.alert")).toEqual([]);
    // No replacement either: each message reached the push service exactly once.
    expect(pushService.accepted).toBe(subscribers * 2);
    expect(pushService.replaced).toBe(0);
    expect(a.sent() + b.sent()).toBe(subscribers * 2);
  });
});
