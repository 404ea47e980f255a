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

  /** A restarted node is back in service once it is current on every stream (as an operator would check). */
  const allReplicasCurrent = async () => {
    try {
      const jsm = await h.nc.jetstreamManager();
      const infos = await Promise.all(Object.values(streams).map((s) => jsm.streams.info(s.name)));
      return infos.every((i) => i.cluster?.replicas?.length === 2 && i.cluster.replicas.every((r) => r.current && !r.offline));
    } catch {
      return false;
    }
  };

  /**
   * While JetStream fails over the gateway answers 503 and a manager declares again. A try whose
   * 503 hid a stored write is answered 409 MODE_UNCHANGED: the declaration stands either way.
   */
  const declareUntilStored = async (body: { incident: string; level: string; reason: string }, headers: Record<string, string>) => {
    const res = await eventually(
      async () => {
        const attempt = await h.api("POST", "/api/v1/mode", body, headers);
        return attempt.status !== 503 && attempt;
      },
      "an answer other than 503",
      60_000,
    );
    if (res.status !== 201) expect(res.body).toMatchObject({ status: 409, code: "MODE_UNCHANGED" });
    expect((await h.api("GET", "/api/v1/mode")).body.level).toBe(body.level);
  };

  it("declares, applies and alerts with one node killed, and again once it is back", async () => {
    const browser = h.pushService.subscribe();
    expect((await h.api("POST", "/api/v1/subscriptions", { subscription: browser.json, topics: ["category:shelter"] })).status).toBe(201);
    const manager = { authorization: `Bearer ${await h.token("manager")}` };

    await h.cluster!.kill(0);
    await eventually(leadersElected, "stream leaders re-elected");
    await declareUntilStored({ incident: "earthquake", level: "emergency", reason: "M7.1" }, manager);
    await eventually(() => h.pushService.messagesFor(browser.id).length === 1, "alert with a node down");
    expect(JSON.parse(h.pushService.messagesFor(browser.id)[0].text).body).toMatch(/^避難所 208 か所を開設/);
    // The status is kept from the streams: its reader moves to a live node within seconds of the kill.
    const summary = await eventually(
      async () => {
        const body = (await h.api("GET", "/api/v1/status")).body;
        return body.summary?.shelter_open === 208 && body.summary;
      },
      "the status caught up",
      60_000,
    );
    expect(summary).toEqual({ shelter_open: 208, closed: 5, normal: 105 });

    await h.cluster!.restart(0);
    await eventually(allReplicasCurrent, "the restarted node current on every stream", 60_000);
    await h.cluster!.kill(2);
    await eventually(leadersElected, "stream leaders re-elected");
    await declareUntilStored({ incident: "earthquake", level: "normal", reason: "stood down" }, manager);
    await eventually(() => h.pushService.messagesFor(browser.id).length === 2, "stand-down alert after the node swap", 90_000);
    const after = await eventually(
      async () => {
        const body = (await h.api("GET", "/api/v1/status")).body;
        return body.summary?.shelter_open === undefined && body.summary;
      },
      "the status caught up with the stand-down",
      60_000,
    );
    // The schools read 避難所閉鎖 after the stand-down, as their own pages do.
    expect(after).toEqual({ normal: 110, shelter_closed: 208 });
  }, 180_000);
});
