import { BrowserSubscription } from "@crisis/platform/testing";
import { Harness, eventually, startHarness } from "./harness";

const quake = { incident: "earthquake", level: "emergency", wards: [], reason: "M7.1 震度6強 (2026-07-28 16:27)" };

describe("one emergency declaration flows from the gateway to a decrypted web push", () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.stop());

  const subscribe = async (browser: BrowserSubscription, topics: string[], lang?: string) => {
    const res = await h.api("POST", "/api/v1/subscriptions", { subscription: browser.json, topics, lang });
    expect(res.status).toBe(201);
    return res.body as { id: string; unsubscribeToken: string };
  };
  const pushes = (b: BrowserSubscription) => h.pushService.messagesFor(b.id).map((m) => JSON.parse(m.text));
  const storedSubscriptions = async () => {
    const kv = await h.nc.jetstream().views.kv("push_subscriptions");
    const keys: string[] = [];
    for await (const key of await kv.keys()) keys.push(key);
    return keys.sort();
  };
  const manager = async () => ({ authorization: `Bearer ${await h.token("manager")}` });

  it("serves the VAPID public key the notify service signs with", async () => {
    expect(await h.api("GET", "/api/v1/push/public-key")).toEqual({ status: 200, body: { publicKey: h.keys.vapid.publicKey } });
  });

  it.each([
    ["an endpoint on a host that is not an allowed push service", { endpoint: "https://attacker.example/push/x" }, "subscription.endpoint"],
    ["a plain http endpoint", { endpoint: "http://localhost/push/x" }, "subscription.endpoint"],
    ["a p256dh that is not a P-256 point", { keys: { p256dh: Buffer.alloc(65, 4).toString("base64url") } }, "subscription.keys.p256dh"],
    ["an auth secret of 8 bytes", { keys: { auth: Buffer.alloc(8, 1).toString("base64url") } }, "subscription.keys.auth"],
  ])("refuses %s with 422 naming the field, and stores nothing", async (_what, change, field) => {
    const before = await storedSubscriptions();
    const browser = h.pushService.subscribe();
    const subscription = { ...browser.json, ...change, keys: { ...browser.json.keys, ...(change as any).keys } };
    const res = await h.api("POST", "/api/v1/subscriptions", { subscription, topics: ["category:shelter"] });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ field });
    expect(await storedSubscriptions()).toEqual(before);
  });

  it("refuses bad topics, languages and bodies with a clear 4xx, and stores nothing", async () => {
    const before = await storedSubscriptions();
    const browser = h.pushService.subscribe().json;
    expect((await h.api("POST", "/api/v1/subscriptions", { subscription: browser, topics: ["ward:博多区"] })).body).toMatchObject({
      code: "TOPIC_INVALID",
      field: "topics[0]",
    });
    expect(
      (await h.api("POST", "/api/v1/subscriptions", { subscription: browser, topics: ["category:shelter"], lang: "fr" })).body,
    ).toMatchObject({ status: 422, field: "lang" });
    expect((await h.api("POST", "/api/v1/subscriptions", "{not json")).body).toMatchObject({ status: 400, code: "BODY_NOT_JSON" });
    expect(await storedSubscriptions()).toEqual(before);
  });

  it("lets only a manager declare a mode, and refuses a malformed declaration without changing the mode", async () => {
    const before = (await h.api("GET", "/api/v1/mode")).body;
    expect((await h.api("POST", "/api/v1/mode", quake)).status).toBe(401);
    const staff = { authorization: `Bearer ${await h.token("staff")}` };
    expect((await h.api("POST", "/api/v1/mode", quake, staff)).body).toMatchObject({ status: 403, code: "ROLE_FORBIDDEN" });
    expect((await h.api("POST", "/api/v1/mode", { ...quake, wards: ["博多区"] }, await manager())).body).toMatchObject({
      status: 422,
      field: "wards[0]",
    });
    expect((await h.api("POST", "/api/v1/mode", { ...quake, reason: " " }, await manager())).body).toMatchObject({
      status: 422,
      field: "reason",
    });
    expect((await h.api("GET", "/api/v1/mode")).body).toEqual(before);
  });

  it("story: four browsers subscribe, a manager declares an earthquake emergency, each subscriber gets one push summing up their topics, managers see the status and the staffed posts, and after one unsubscribes and the city stands down only the others hear of it", async () => {
    const shelters = h.pushService.subscribe();
    const kita = h.pushService.subscribe();
    const mainLibrary = h.pushService.subscribe();
    const parks = h.pushService.subscribe();
    await subscribe(shelters, ["category:shelter"]);
    const kitaIds = await subscribe(kita, ["ward:北区"], "en");
    await subscribe(mainLibrary, ["facility:lib:JP-1003025"], "ja");
    await subscribe(parks, ["category:park"]);
    expect(kitaIds).toEqual({ id: expect.any(String), unsubscribeToken: expect.any(String) });

    const declared = await h.api("POST", "/api/v1/mode", quake, await manager());
    expect(declared).toMatchObject({
      status: 201,
      body: { previousLevel: "normal", mode: { level: "emergency", incident: "earthquake" } },
    });

    await eventually(() => pushes(shelters).length && pushes(kita).length && pushes(mainLibrary).length, "three pushes");
    await eventually(() => h.deliveriesSettled(), "delivery queue drained");
    expect(h.pushService.rejections).toEqual([]);
    expect(pushes(shelters)).toEqual([
      expect.objectContaining({
        lang: "ja",
        title: "熊本市 地震 緊急体制",
        body: `避難所 208 か所を開設 — 中央区 48、東区 41、西区 34、南区 43、北区 42\n詳しくは ${h.base}/status`,
      }),
    ]);
    expect(pushes(kita)).toEqual([
      expect.objectContaining({
        lang: "en",
        title: "Kumamoto City: earthquake emergency",
        body: `42 shelters opened — Kita Ward 42\n1 facility closed: 熊本市立植木図書館 Kumamoto Shiritsu Ueki Toshokan\nDetails: ${h.base}/status`,
      }),
    ]);
    expect(pushes(mainLibrary).map((p) => p.body.split("\n")[0])).toEqual(["休館 1 施設: 熊本市立図書館"]);
    expect(pushes(parks)).toEqual([]);
    expect(pushes(shelters)[0].tag).toBe(`${declared.body.eventId}.alert`);

    // Everyone sees the mode and every facility's effective status.
    const status = await h.api("GET", "/api/v1/status");
    expect(status.body.mode).toMatchObject({ incident: "earthquake", level: "emergency", declaredBy: "manager@e2e" });
    expect(status.body.summary).toEqual({ shelter_open: 208, closed: 5, normal: 105 });
    expect(status.body.sheltersOpen).toEqual({ total: 208, byWard: { 中央区: 48, 東区: 41, 西区: 34, 南区: 43, 北区: 42 } });
    expect(status.body.facilities).toHaveLength(318);
    expect(status.body.facilities.find((f: any) => f.id === "lib:JP-1003025")).toMatchObject({ status: "closed", ward: "中央区" });

    // A facility admin closes one shelter, once; bad input is refused by naming the field, storing nothing.
    const admin = { authorization: `Bearer ${await h.token("facility_admin")}` };
    const close = { state: "closed", reason: "天井材の落下" };
    const plaza = "/api/v1/shelters/ref:E4310000014111";
    expect((await h.api("PUT", plaza, close, admin)).body).toMatchObject({ state: "closed", status: "normal", changed: true });
    expect((await h.api("PUT", plaza, close, admin)).body).toMatchObject({ state: "closed", changed: false });
    expect((await h.api("PUT", "/api/v1/shelters/lib:JP-1003025", close, admin)).body).toMatchObject({
      status: 422,
      code: "NOT_A_SHELTER",
    });
    const backwards = { kind: "closed", reason: "点検", startsAt: "2026-08-02T09:00:00+09:00", endsAt: "2026-08-01T09:00:00+09:00" };
    const bad = await h.api("POST", "/api/v1/facilities/lib:JP-1003025/restrictions", backwards, admin);
    expect(bad.body).toMatchObject({ status: 422, code: "END_BEFORE_START", field: "endsAt" });
    const library = await h.api("GET", "/api/v1/facilities/lib:JP-1003025");
    expect(library.body).toMatchObject({ use: "closed", restrictions: [{ kind: "closed", source: "playbook" }] });

    // Managers see how the emergency posts are staffed.
    expect((await h.api("GET", "/api/v1/staffing/summary")).status).toBe(401);
    const summary = await eventually(async () => {
      const res = await h.api("GET", "/api/v1/staffing/summary", undefined, await manager());
      return res.body.posts > 0 && res.body;
    }, "staffing planned the emergency posts");
    expect(summary).toMatchObject({ mode: { level: "emergency" }, staff: expect.any(Number) });
    expect(summary.positionsCovered).toBeGreaterThan(0);
    expect(summary.positionsCovered).toBeLessThanOrEqual(summary.positionsRequired);

    // Declaring the mode the city is already in changes nothing.
    expect((await h.api("POST", "/api/v1/mode", quake, await manager())).body).toMatchObject({ status: 409, code: "MODE_UNCHANGED" });

    // The Kita subscriber leaves, only with the token.
    const path = `/api/v1/subscriptions/${kitaIds.id}`;
    expect((await h.api("DELETE", path)).body).toMatchObject({ status: 400, field: "X-Unsubscribe-Token" });
    expect((await h.api("DELETE", path, undefined, { "x-unsubscribe-token": "wrong" })).body).toMatchObject({ status: 403 });
    expect((await h.api("DELETE", path, undefined, { "x-unsubscribe-token": kitaIds.unsubscribeToken })).status).toBe(204);
    expect((await h.api("DELETE", path, undefined, { "x-unsubscribe-token": kitaIds.unsubscribeToken })).status).toBe(404);

    // The stand-down reaches the shelter subscriber, not the one who left.
    expect((await h.api("POST", "/api/v1/mode", { ...quake, level: "normal", reason: "stood down" }, await manager())).status).toBe(201);
    await eventually(() => pushes(shelters).length === 2, "stand-down push");
    await eventually(() => h.deliveriesSettled(), "delivery queue drained");
    expect(pushes(shelters)[1]).toMatchObject({
      title: "熊本市 地震 通常体制へ移行",
      // 207: staff had already closed くまもと森都心プラザ, and a stand-down keeps their decision.
      body: expect.stringMatching(/^避難所 207 か所を閉鎖/),
    });
    expect(pushes(kita)).toHaveLength(1);
  });
});
