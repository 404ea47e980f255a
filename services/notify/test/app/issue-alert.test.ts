import { FacilityStatus } from "@crisis/platform/contracts";
import { FacilityStatusChanged } from "@crisis/platform/contracts/events";
import { SubscriptionStore } from "../../src/app/ports";
import { concerned } from "../../src/app/issue-alert";
import { SubscriberIndex } from "../../src/domain/subscriber-index";
import { Subscription } from "../../src/domain/subscription";
import { aSubscription } from "../examples";

const change = (id: string, ward: string, category: string, status: FacilityStatus, previous = FacilityStatus.FACILITY_STATUS_NORMAL) =>
  FacilityStatusChanged.fromPartial({ facilityId: id, facilityName: id, ward, category, status, previousStatus: previous });
const subscription = aSubscription;

function indexed(...subscriptions: Subscription[]) {
  const index = new SubscriberIndex();
  subscriptions.forEach((s) => index.upsert(s));
  const touched: string[] = [];
  const store: SubscriptionStore = {
    put: async () => undefined,
    get: async (id) => index.get(id),
    purge: async (id) => index.remove(id),
    *followers(topic) {
      for (const s of index.followers(topic)) {
        touched.push(s.id);
        yield s;
      }
    },
    topics: (prefix) => index.topics(prefix),
  };
  return { index, store, touched };
}

const opened = (id: string, ward: string) => change(id, ward, "school", FacilityStatus.FACILITY_STATUS_SHELTER_OPEN);
const library = change("lib", "中央区", "library", FacilityStatus.FACILITY_STATUS_CLOSED);

describe("finding the subscribers an alert concerns through the topic index", () => {
  it("gives each subscriber only the changes matching their topics, once each even when several topics match", () => {
    const { store } = indexed(
      subscription("kita", ["ward:北区"]),
      subscription("both", ["ward:中央区", "category:shelter", "facility:c1"]),
      subscription("libs", ["category:library"]),
    );
    const found = [...concerned(store, [opened("c1", "中央区"), opened("k1", "北区"), library])];
    const byId = Object.fromEntries(found.map((f) => [f.subscription.id, f.changes.map((c) => c.facilityId)]));
    expect(byId).toEqual({ both: ["c1", "k1", "lib"], kita: ["k1"], libs: ["lib"] });
  });

  it("touches only the followers of the changed facility's topics, not every subscriber", () => {
    const others = Array.from({ length: 50 }, (_, i) => subscription(`w${i}`, ["ward:西区"]));
    const { store, touched } = indexed(subscription("chuo", ["ward:中央区"]), ...others);
    expect([...concerned(store, [opened("c1", "中央区")])].map((f) => f.subscription.id)).toEqual(["chuo"]);
    expect(touched).toEqual(["chuo"]);
  });

  it("counts a library under category:library but not under category:shelter", () => {
    const { store } = indexed(subscription("shelters", ["category:shelter"]), subscription("libs", ["category:library"]));
    expect([...concerned(store, [library])].map((f) => f.subscription.id)).toEqual(["libs"]);
  });

  it("forgets a subscriber's old topics when they subscribe again, and everything on removal", () => {
    const { index, store } = indexed(subscription("s", ["ward:中央区"]));
    index.upsert(subscription("s", ["ward:北区"]));
    expect([...concerned(store, [opened("c1", "中央区")])]).toEqual([]);
    expect([...concerned(store, [opened("k1", "北区")])].map((f) => f.subscription.id)).toEqual(["s"]);
    index.remove("s");
    expect([...concerned(store, [opened("k1", "北区")])]).toEqual([]);
    expect(index.size).toBe(0);
  });
});
