import { streams } from "@crisis/platform";
import { Harness, eventually, startHarness } from "./harness";

describe("the system on the production NATS cluster (three nodes, streams at R3)", () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ cluster: true });
  });
  afterAll(() => h?.stop());

  /** After a node dies, JetStream elects new stream leaders within seconds; until then it answers 503. */
  const leadersElected = async () => {
    try {
      const jsm = await h.nc.jetstreamManager();
      await Promise.all(Object.values(streams).map((s) => jsm.streams.info(s.name)));
      return true;
    } catch {
      return false;
    }
  };

  it("declares, applies and alerts with one node killed, and again once it is back", async () => {
    const browser = h.pushService.subscribe();
    expect((await h.api("POST", "/api/v1/subscriptions", { subscription: browser.json, topics: ["category:shelter"] })).status).toBe(201);
    const manager = { authorization: `Bearer ${await h.token("manager")}` };

    await h.cluster!.kill(0);
    await eventually(leadersElected, "stream leaders re-elected");
    const declared = await h.api("POST", "/api/v1/mode", { incident: "earthquake", level: "emergency", reason: "M7.1" }, manager);
    expect(declared.status).toBe(201);
    await eventually(() => h.pushService.messagesFor(browser.id).length === 1, "alert with a node down");
    expect(JSON.parse(h.pushService.messagesFor(browser.id)[0].text).body).toMatch(/^避難所 209 か所を開設/);
    expect((await h.api("GET", "/api/v1/status")).body.summary).toEqual({ shelter_open: 209, closed: 5 });

    await h.cluster!.restart(0);
    await h.cluster!.kill(2);
    await eventually(leadersElected, "stream leaders re-elected");
    expect((await h.api("POST", "/api/v1/mode", { incident: "earthquake", level: "normal", reason: "stood down" }, manager)).status).toBe(201);
    await eventually(() => h.pushService.messagesFor(browser.id).length === 2, "stand-down alert after the node swap", 90_000);
    expect((await h.api("GET", "/api/v1/status")).body.summary).toEqual({ normal: 214 });
  }, 180_000);
});
