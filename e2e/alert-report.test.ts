import { Harness, eventually, startHarness } from "./harness";

describe("a manager reads how an alert's pushes ended", () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.stop());

  it("counts queued, accepted and gone pushes of a declaration's alert, for managers only", async () => {
    const browsers = [h.pushService.subscribe(), h.pushService.subscribe(), h.pushService.subscribe()];
    for (const browser of browsers) {
      const res = await h.api("POST", "/api/v1/subscriptions", { subscription: browser.json, topics: ["category:shelter"], lang: "ja" });
      expect(res.status).toBe(201);
    }
    h.pushService.expire(browsers[2].id);
    const manager = { authorization: `Bearer ${await h.token("manager")}` };
    const declared = await h.api("POST", "/api/v1/mode", { incident: "earthquake", level: "emergency", reason: "M7.1" }, manager);
    expect(declared.status).toBe(201);
    const path = `/api/v1/alerts/${declared.body.eventId}.alert`;

    const report = await eventually(async () => {
      const res = await h.api("GET", path, undefined, manager);
      return res.status === 200 && res.body.pending === 0 && res.body;
    }, "every push of the alert settled");
    expect(report).toEqual({
      alertId: `${declared.body.eventId}.alert`,
      queued: 3,
      accepted: 2,
      gone: 1,
      failed: 0,
      expired: 0,
      pending: 0,
    });

    expect((await h.api("GET", path)).status).toBe(401);
    expect((await h.api("GET", "/api/v1/alerts/no-such.alert", undefined, manager)).body).toMatchObject({
      status: 404,
      code: "ALERT_NOT_FOUND",
    });
  }, 120_000);
});
