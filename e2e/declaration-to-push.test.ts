import { BrowserSubscription } from "@crisis/platform/testing";
import { Harness, eventually, startHarness } from "./harness";

const quake = { incident: "earthquake", level: "emergency", wards: [], reason: "M7.1 震度6強 (2026-07-28 16:27)" };

describe("one emergency declaration flows from the gateway to a decrypted web push", () => {
  let h: Harness;
  let shelters: BrowserSubscription;
  let kita: BrowserSubscription;
  let mainLibrary: BrowserSubscription;
  let parks: BrowserSubscription;
  const ids: Record<string, { id: string; unsubscribeToken: string }> = {};

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.stop());

  const subscribe = async (browser: BrowserSubscription, topics: string[], lang?: string) => {
    const res = await h.api("POST", "/api/v1/subscriptions", { subscription: browser.json, topics, lang });
    expect(res.status).toBe(201);
    return res.body;
  };
  const pushes = (b: BrowserSubscription) => h.pushService.messagesFor(b.id).map((m) => JSON.parse(m.text));

  it("serves the VAPID public key the notify service signs with", async () => {
    expect(await h.api("GET", "/api/v1/push/public-key")).toEqual({ status: 200, body: { publicKey: h.keys.vapid.publicKey } });
  });

  it("takes subscriptions for categories, wards and single facilities", async () => {
    shelters = h.pushService.subscribe();
    kita = h.pushService.subscribe();
    mainLibrary = h.pushService.subscribe();
    parks = h.pushService.subscribe();
    ids.shelters = await subscribe(shelters, ["category:shelter"]);
    ids.kita = await subscribe(kita, ["ward:北区"], "en");
    ids.mainLibrary = await subscribe(mainLibrary, ["facility:lib:JP-1003025"], "ja");
    ids.parks = await subscribe(parks, ["category:park"]);
    expect(ids.shelters).toEqual({ id: expect.any(String), unsubscribeToken: expect.any(String) });
  });

  it.each([
    ["an endpoint on a host that is not an allowed push service", { endpoint: "https://attacker.example/push/x" }, "subscription.endpoint"],
    ["a plain http endpoint", { endpoint: "http://localhost/push/x" }, "subscription.endpoint"],
    ["a p256dh that is not a P-256 point", { keys: { p256dh: Buffer.alloc(65, 4).toString("base64url") } }, "subscription.keys.p256dh"],
    ["an auth secret of 8 bytes", { keys: { auth: Buffer.alloc(8, 1).toString("base64url") } }, "subscription.keys.auth"],
  ])("refuses %s with 422 naming the field", async (_what, change, field) => {
    const browser = h.pushService.subscribe();
    const subscription = { ...browser.json, ...change, keys: { ...browser.json.keys, ...(change as any).keys } };
    const res = await h.api("POST", "/api/v1/subscriptions", { subscription, topics: ["category:shelter"] });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ field });
  });

  it("refuses bad topics, languages and bodies with a clear 4xx", async () => {
    const browser = h.pushService.subscribe().json;
    expect((await h.api("POST", "/api/v1/subscriptions", { subscription: browser, topics: ["ward:博多区"] })).body).toMatchObject({
      code: "TOPIC_INVALID",
      field: "topics[0]",
    });
    expect(
      (await h.api("POST", "/api/v1/subscriptions", { subscription: browser, topics: ["category:shelter"], lang: "fr" })).body,
    ).toMatchObject({ status: 422, field: "lang" });
    expect((await h.api("POST", "/api/v1/subscriptions", "{not json")).body).toMatchObject({ status: 400, code: "BODY_NOT_JSON" });
  });

  it("stored nothing for the refused requests", async () => {
    const kv = await h.nc.jetstream().views.kv("push_subscriptions");
    const keys: string[] = [];
    for await (const key of await kv.keys()) keys.push(key);
    expect(keys.sort()).toEqual(
      Object.values(ids)
        .map((s) => s.id)
        .sort(),
    );
  });

  it("lets only a manager declare a mode, and refuses a malformed declaration", async () => {
    expect((await h.api("POST", "/api/v1/mode", quake)).status).toBe(401);
    const staff = { authorization: `Bearer ${await h.token("staff")}` };
    expect((await h.api("POST", "/api/v1/mode", quake, staff)).body).toMatchObject({ status: 403, code: "ROLE_FORBIDDEN" });
    const manager = { authorization: `Bearer ${await h.token("manager")}` };
    expect((await h.api("POST", "/api/v1/mode", { ...quake, wards: ["博多区"] }, manager)).body).toMatchObject({
      status: 422,
      field: "wards[0]",
    });
    expect((await h.api("POST", "/api/v1/mode", { ...quake, reason: " " }, manager)).body).toMatchObject({ status: 422, field: "reason" });
    expect((await h.api("GET", "/api/v1/mode")).body).toMatchObject({ level: "normal", sequence: 0 });
  });

  it("stores the declaration, then each subscriber gets one push summing up their topics", async () => {
    const manager = { authorization: `Bearer ${await h.token("manager")}` };
    const declared = await h.api("POST", "/api/v1/mode", quake, manager);
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
        body: `避難所 209 か所を開設 — 中央区 48、東区 42、西区 34、南区 43、北区 42\n詳しくは ${h.base}/status`,
      }),
    ]);
    expect(pushes(kita)).toEqual([
      expect.objectContaining({
        lang: "en",
        title: "Kumamoto City: earthquake emergency",
        body: `42 shelters opened — Kita Ward 42\n1 facility closed: 熊本市立植木図書館\nDetails: ${h.base}/status`,
      }),
    ]);
    expect(pushes(mainLibrary).map((p) => p.body.split("\n")[0])).toEqual(["休館 1 施設: 熊本市立図書館"]);
    expect(pushes(parks)).toEqual([]);
    expect(pushes(shelters)[0].tag).toBe(`${declared.body.eventId}.alert`);
  });

  it("shows the mode and every facility's effective status", async () => {
    const status = await h.api("GET", "/api/v1/status");
    expect(status.body.mode).toMatchObject({ incident: "earthquake", level: "emergency", declaredBy: "manager@e2e" });
    expect(status.body.summary).toEqual({ shelter_open: 209, closed: 5 });
    expect(status.body.facilities).toHaveLength(214);
    expect(status.body.facilities.find((f: any) => f.id === "lib:JP-1003025")).toMatchObject({ status: "closed", ward: "中央区" });
  });

  it("shows managers how the emergency posts are staffed", async () => {
    const manager = { authorization: `Bearer ${await h.token("manager")}` };
    expect((await h.api("GET", "/api/v1/staffing/summary")).status).toBe(401);
    const summary = await eventually(async () => {
      const res = await h.api("GET", "/api/v1/staffing/summary", undefined, manager);
      return res.body.posts > 0 && res.body;
    }, "staffing planned the emergency posts");
    expect(summary).toMatchObject({ mode: { level: "emergency" }, staff: expect.any(Number) });
    expect(summary.positionsCovered).toBeGreaterThan(0);
    expect(summary.positionsCovered).toBeLessThanOrEqual(summary.positionsRequired);
  });

  it("refuses to declare the mode the city is already in", async () => {
    const manager = { authorization: `Bearer ${await h.token("manager")}` };
    expect((await h.api("POST", "/api/v1/mode", quake, manager)).body).toMatchObject({ status: 409, code: "MODE_UNCHANGED" });
  });

  it("removes a subscription only with its token, and sends it nothing afterwards", async () => {
    const path = `/api/v1/subscriptions/${ids.kita.id}`;
    expect((await h.api("DELETE", path)).body).toMatchObject({ status: 400, field: "X-Unsubscribe-Token" });
    expect((await h.api("DELETE", path, undefined, { "x-unsubscribe-token": "wrong" })).body).toMatchObject({ status: 403 });
    expect((await h.api("DELETE", path, undefined, { "x-unsubscribe-token": ids.kita.unsubscribeToken })).status).toBe(204);
    expect((await h.api("DELETE", path, undefined, { "x-unsubscribe-token": ids.kita.unsubscribeToken })).status).toBe(404);

    const manager = { authorization: `Bearer ${await h.token("manager")}` };
    expect((await h.api("POST", "/api/v1/mode", { ...quake, level: "normal", reason: "stood down" }, manager)).status).toBe(201);
    await eventually(() => pushes(shelters).length === 2, "stand-down push");
    await eventually(() => h.deliveriesSettled(), "delivery queue drained");
    expect(pushes(shelters)[1]).toMatchObject({
      title: "熊本市 地震 通常体制へ移行",
      body: expect.stringMatching(/^避難所 209 か所を閉鎖/),
    });
    expect(pushes(kita)).toHaveLength(1);
  });
});
