import { BrowserSubscription } from "@crisis/platform/testing";
import { Harness, eventually, startHarness } from "./harness";

/**
 * "Tell me when it is better to come", through the whole system on a real nats-server: a device
 * follows "fewer than 5 waiting" at a counter and "reopening" of a procedure; staff report figures
 * and change a channel; the local push service decrypts what arrives.
 */
describe("a better time to come reaches the device once per crossing", () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.stop());

  const pushes = (b: BrowserSubscription) => h.pushService.messagesFor(b.id).map((m) => JSON.parse(m.text));
  const admin = async () => ({ authorization: `Bearer ${await h.token("facility_admin")}` });
  const storedSubscriptions = async () => {
    const kv = await h.nc.jetstream().views.kv("push_subscriptions");
    const keys: string[] = [];
    for await (const key of await kv.keys()) keys.push(key);
    return keys.sort();
  };
  /** The waiting figure notify last read for a counter: a report is handled once this shows it. */
  const watched = async (serviceId: string) => {
    const kv = await h.nc.jetstream().views.kv("notify_waiting_watches");
    const entry = await kv.get(Buffer.from(serviceId).toString("hex"));
    return entry?.operation === "PUT" ? (JSON.parse(Buffer.from(entry.value).toString()) as { waiting: number }).waiting : undefined;
  };
  const report = async (waiting: number) => {
    const res = await h.api("POST", "/api/v1/services/juminhyo/waiting", { waiting }, await admin());
    expect(res.status).toBe(201);
    await eventually(async () => (await watched("juminhyo")) === waiting, `notify read the figure ${waiting}`);
    await eventually(() => h.deliveriesSettled(), "delivery queue drained");
  };

  it("refuses a bad N or an unknown counter naming the topic, and stores nothing", async () => {
    const before = await storedSubscriptions();
    const browser = h.pushService.subscribe().json;
    const subscribe = (topics: string[]) => h.api("POST", "/api/v1/subscriptions", { subscription: browser, topics });
    for (const [topic, code] of [
      ["waiting:juminhyo:0", "TOPIC_INVALID"],
      ["waiting:juminhyo:five", "TOPIC_INVALID"],
      ["waiting:juminhyo:-2", "TOPIC_INVALID"],
      ["waiting:no_such_counter:5", "TOPIC_SERVICE_NOT_FOUND"],
      ["reopening:no_such_counter", "TOPIC_SERVICE_NOT_FOUND"],
    ]) {
      const res = await subscribe(["category:shelter", topic!]);
      expect({ topic, ...res }).toMatchObject({ topic, status: 422, body: { status: 422, code, field: "topics[1]" } });
    }
    expect(await storedSubscriptions()).toEqual(before);
  });

  it("tells 'fewer than 5 waiting' once when the figure falls below 5, and nothing for a second figure still below", async () => {
    const device = h.pushService.subscribe();
    const english = h.pushService.subscribe();
    const res = await h.api("POST", "/api/v1/subscriptions", { subscription: device.json, topics: ["waiting:juminhyo:5"], lang: "ja" });
    expect(res.status).toBe(201);
    expect(
      (await h.api("POST", "/api/v1/subscriptions", { subscription: english.json, topics: ["waiting:juminhyo:5"], lang: "en" })).status,
    ).toBe(201);

    await report(12);
    await report(6);
    expect(pushes(device)).toEqual([]);

    await report(3);
    await eventually(() => pushes(device).length === 1 && pushes(english).length === 1, "one push each");
    expect(pushes(device)).toEqual([
      expect.objectContaining({
        lang: "ja",
        title: "熊本市 窓口が空いてきました",
        body: "住民票の写しの窓口で待っている人は3人です（5人未満になりました）。",
        url: `${h.base}/services/juminhyo`,
      }),
    ]);
    expect(pushes(english)[0]).toMatchObject({
      lang: "en",
      body: "3 people are waiting for 住民票の写し Jumin Hyo No Utsushi (fewer than 5).",
    });
    expect(h.pushService.rejections).toEqual([]);

    // Still below 5, then back at 5 and 6 (short of 5 + the margin of 2): nothing more is sent at all.
    const sent = h.pushService.accepted;
    await report(2);
    await report(5);
    await report(6);
    expect(h.pushService.accepted).toBe(sent);
    expect(pushes(device)).toHaveLength(1);

    // Up to 7 arms it again; below 5 is told again. The device is offline here, so the newer push
    // replaces the one still waiting (the same RFC 8030 Topic): it holds one, the latest.
    await report(7);
    await report(1);
    await eventually(() => h.pushService.accepted === sent + 2, "the second crossing sent to both devices");
    expect(pushes(device).map((p) => p.body)).toEqual(["住民票の写しの窓口で待っている人は1人です（5人未満になりました）。"]);
    expect(pushes(english)).toHaveLength(1);
  });

  it("tells 'reopening' once when the online channel comes back, not when it was suspended", async () => {
    const device = h.pushService.subscribe();
    expect((await h.api("POST", "/api/v1/subscriptions", { subscription: device.json, topics: ["reopening:risai_home"] })).status).toBe(
      201,
    );
    const set = async (level: string) =>
      expect(
        (await h.api("PUT", "/api/v1/services/risai_home/channels/online", { level, reason: "システム保守" }, await admin())).status,
      ).toBe(200);
    await set("suspended");
    await set("normal");
    await eventually(() => pushes(device).length === 1, "the reopening push");
    expect(pushes(device)[0]).toMatchObject({
      title: "熊本市 手続きができるようになりました",
      body: "り災証明書（住家）は、オンライン申請（マイナポータル）でできるようになりました。",
      url: `${h.base}/services/risai_home`,
    });
    await eventually(() => h.deliveriesSettled(), "delivery queue drained");
    expect(pushes(device)).toHaveLength(1);
  });
});
