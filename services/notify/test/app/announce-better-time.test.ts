import pino from "pino";
import { FakeClock } from "@crisis/platform";
import { ServiceLevel } from "@crisis/platform/contracts";
import { CounterWaitingReported } from "@crisis/platform/contracts/crowding";
import { ServiceLevelChanged } from "@crisis/platform/contracts/events";
import { BetterTimeDeps, announceFewerWaiting, announceReopening } from "../../src/app/announce-better-time";
import { WaitingWatch } from "../../src/domain/better-time";
import { SubscriberIndex } from "../../src/domain/subscriber-index";
import { PushBatchRequested } from "../../src/gen/crisis/notify/v1/push_delivery";
import { aSubscription } from "../examples";

const logger = pino({ level: "silent" });

function deps() {
  const index = new SubscriberIndex();
  index.upsert(aSubscription("five", ["waiting:juminhyo:5"]));
  index.upsert(aSubscription("ten", ["waiting:juminhyo:10", "ward:北区"]));
  index.upsert(aSubscription("other", ["waiting:inkan:5"]));
  index.upsert(aSubscription("reopen", ["reopening:risai_home"]));
  const batches = new Map<string, PushBatchRequested>();
  const watches = new Map<string, WaitingWatch>();
  const d: BetterTimeDeps = {
    store: {
      put: async () => undefined,
      get: async (id) => index.get(id),
      purge: async (id) => index.remove(id),
      followers: (topic) => index.followers(topic),
      topics: (prefix) => index.topics(prefix),
    },
    // Like the JetStream queue: a batch id seen before is dropped.
    queue: { enqueue: async (batch) => void batches.set(batch.batchId, batch) },
    reports: { queued: async () => undefined, settled: async () => undefined, read: async () => undefined },
    watches: { read: async (id) => watches.get(id), write: async (id, w) => void watches.set(id, w) },
    clock: new FakeClock("2026-07-28T07:00:00Z"),
    margin: 2,
    baseUrl: "https://city.example",
    ttlSeconds: 3600,
  };
  const told = () => [...batches.values()].flatMap((b) => b.deliveries.map((x) => `${b.alertId}→${x.subscriptionId}`)).sort();
  return { d, told, watches };
}

let n = 0;
const report = (serviceId: string, waiting: number) =>
  CounterWaitingReported.fromPartial({
    eventId: `w${++n}`,
    serviceId,
    serviceName: "住民票の写し",
    waiting,
    reportedAt: new Date(Date.UTC(2026, 6, 28, 0, n)).toISOString(),
  });

describe("announcing a better time to come", () => {
  it("tells each N followed at that counter once when the figure falls below it, and a redelivered report queues nothing new", async () => {
    const { d, told } = deps();
    await announceFewerWaiting(d, report("juminhyo", 14), "c", logger);
    const eight = report("juminhyo", 8);
    expect(await announceFewerWaiting(d, eight, "c", logger)).toBe(1);
    expect(told()).toEqual([`${eight.eventId}.below.10→ten`]);
    expect(await announceFewerWaiting(d, eight, "c", logger)).toBe(0);
    const three = report("juminhyo", 3);
    expect(await announceFewerWaiting(d, three, "c", logger)).toBe(1);
    expect(await announceFewerWaiting(d, report("juminhyo", 2), "c", logger)).toBe(0);
    expect(told()).toEqual([`${eight.eventId}.below.10→ten`, `${three.eventId}.below.5→five`]);
  });

  it("keeps each counter's watch apart and writes it even when nobody crossed", async () => {
    const { d, told, watches } = deps();
    await announceFewerWaiting(d, report("inkan", 1), "c", logger);
    expect(told()).toEqual([]);
    expect(watches.get("inkan")).toMatchObject({ waiting: 1, bands: { 5: 0 } });
    expect(watches.get("juminhyo")).toBeUndefined();
  });

  it("tells reopening followers once per level change that reopens, nothing for one that closes", async () => {
    const { d, told } = deps();
    const change = (eventId: string, previousLevel: ServiceLevel, level: ServiceLevel) =>
      ServiceLevelChanged.fromPartial({
        eventId,
        serviceId: "risai_home",
        serviceName: "り災証明書（住家）",
        channel: "online",
        previousLevel,
        level,
      });
    expect(
      await announceReopening(d, change("s1", ServiceLevel.SERVICE_LEVEL_NORMAL, ServiceLevel.SERVICE_LEVEL_SUSPENDED), "c", logger),
    ).toBe(0);
    expect(
      await announceReopening(d, change("s2", ServiceLevel.SERVICE_LEVEL_SUSPENDED, ServiceLevel.SERVICE_LEVEL_NORMAL), "c", logger),
    ).toBe(1);
    expect(told()).toEqual(["s2.reopening→reopen"]);
  });
});
