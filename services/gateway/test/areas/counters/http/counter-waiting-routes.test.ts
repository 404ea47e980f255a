import pino from "pino";
import { ServiceLevel, eventTypes } from "@crisis/platform/contracts";
import { decodeEvent, publishEvent, unaryHandler, waitUntil } from "@crisis/platform";
import { CounterService } from "@crisis/platform/contracts/facilities";
import { CounterWaitingReported, CrowdingLevel, OccupancyReported } from "@crisis/platform/contracts/crowding";
import { NatsServerHandle, startNatsServer } from "@crisis/platform/testing";
import { counterAnswers } from "../../../../src/areas/counters/http/schemas";
import { LocalIdp, startLocalIdp } from "../../../adapters/auth/local-idp";
import { GatewayUnderTest, startGateway } from "../../../adapters/gateway-under-test";
import { SseClient } from "../../../support/sse-client";
import { putOnPost } from "../../../support/staff-posts";

const logger = pino({ level: "silent" });
const risai = CounterService.fromPartial({
  id: "risai-shomei",
  name: "り災証明書",
  nameEn: "Disaster victim certificate",
  channels: [
    { channel: "counter", level: ServiceLevel.SERVICE_LEVEL_EXTENDED },
    { channel: "online", level: ServiceLevel.SERVICE_LEVEL_NORMAL },
  ],
});

/** Every waiting report stored in the service stream, oldest first. */
async function storedReports(gw: GatewayUnderTest): Promise<CounterWaitingReported[]> {
  const consumer = await gw.backbone.js.consumers.get("CRISIS_SERVICE", { filterSubjects: eventTypes.counterWaitingReported.subject });
  const info = await gw.backbone.jsm.streams.info("CRISIS_SERVICE");
  const found: CounterWaitingReported[] = [];
  if (info.state.messages === 0) return found;
  const messages = await consumer.fetch({ max_messages: 100, expires: 1_000 });
  for await (const msg of messages) found.push(decodeEvent(eventTypes.counterWaitingReported, msg).event);
  return found;
}

/**
 * Who may report a counter's waiting figure, against a stand-in facilities service listing one
 * counter service; reports go to a real nats-server and come back through the gateway's follower.
 */
describe("the counter waiting routes", () => {
  let nats: NatsServerHandle;
  let idp: LocalIdp;
  let gw: GatewayUnderTest;
  const report = (
    body: unknown,
    roles: ("staff" | "manager" | "facility_admin")[] = ["facility_admin"],
    id = risai.id,
    sub = "chuo-kuyakusho@city",
  ) => gw.call("POST", `/api/v1/services/${id}/waiting`, { body, as: { roles, sub } });

  beforeAll(async () => {
    [nats, idp] = await Promise.all([startNatsServer(), startLocalIdp()]);
    gw = await startGateway(nats, idp, {
      facilities: {
        listServices: unaryHandler(logger, "ListServices", async () => ({ services: [risai] })),
        // The service's page reads the status, which lists the facilities.
        listFacilities: unaryHandler(logger, "ListFacilities", async () => ({ facilities: [], nextCursor: "", total: 0 })),
      },
    });
    // In this order: once the gateway knows the second, it knows the first.
    await putOnPost(gw, 1, "at-another-counter", "counter:juminhyo:中央区@2026-07-28-day", { serviceId: "juminhyo" });
    await putOnPost(gw, 2, "at-this-counter", `counter:${risai.id}:中央区@2026-07-28-day`, { serviceId: risai.id });
  });
  afterAll(async () => {
    await gw.stop();
    await Promise.all([nats.stop(), idp.stop()]);
  });

  it("takes people waiting from a facility_admin, publishes the event and shows the figure with its age", async () => {
    const res = await report({ waiting: 12 });
    expect(res.status).toBe(201);
    expect(res.body.waiting).toEqual({
      waiting: 12,
      nextFreeSlot: null,
      reportedAt: "2026-07-28T16:30:00+09:00",
      ageSeconds: 0,
      stale: false,
    });
    expect(counterAnswers.counterService.safeParse(res.body).error).toBeUndefined();
    const stored = await storedReports(gw);
    expect(stored).toEqual([
      expect.objectContaining({ serviceId: risai.id, serviceName: "り災証明書", waiting: 12, reportedBy: "chuo-kuyakusho@city" }),
    ]);
    gw.clock.advance(5 * 60_000);
    const list = await gw.call("GET", "/api/v1/services");
    expect(list.body.services[0]).toMatchObject({ id: risai.id, waiting: { waiting: 12, ageSeconds: 300, stale: false } });
    expect(list.body.services[0].channels.map((c: { channel: string; level: string }) => `${c.channel}:${c.level}`)).toEqual([
      "counter:extended",
      "online:normal",
    ]);
    expect(counterAnswers.services.safeParse(list.body).error).toBeUndefined();
  });

  it("takes the next free slot of a reservation-only counter from a manager", async () => {
    const res = await report({ nextFreeSlot: "2026-07-29T10:30:00+09:00" }, ["manager"]);
    expect(res.status).toBe(201);
    expect(res.body.waiting).toMatchObject({ waiting: null, nextFreeSlot: "2026-07-29T10:30:00+09:00" });
    const one = await gw.call("GET", `/api/v1/services/${risai.id}`);
    expect(one.body).toMatchObject({ id: risai.id, waiting: { nextFreeSlot: "2026-07-29T10:30:00+09:00" } });
    expect((await gw.call("GET", "/api/v1/services/no-such")).body).toMatchObject({ status: 404, code: "SERVICE_NOT_FOUND" });
  });

  it("still takes the old spelling next_free_slot for one release, saying it is deprecated", async () => {
    const res = await report({ next_free_slot: "2026-07-29T11:00:00+09:00" }, ["manager"]);
    expect(res.status).toBe(201);
    expect(res.body.waiting).toMatchObject({ waiting: null, nextFreeSlot: "2026-07-29T11:00:00+09:00" });
    expect(res.headers.get("deprecation")).toBe("@1796601600");
    expect(res.headers.get("link")).toBe('</api/v1/deprecations>; rel="deprecation"');
    const going = await gw.call("GET", "/api/v1/deprecations");
    expect(going.status).toBe(200);
    expect(going.body.deprecatedAt).toBe("2026-12-07T00:00:00.000Z");
    expect(going.body.spellings).toContainEqual({
      route: "POST /api/v1/services/:id/waiting",
      old: "next_free_slot",
      current: "nextFreeSlot",
    });
    const current = await report({ nextFreeSlot: "2026-07-29T11:00:00+09:00" }, ["manager"]);
    expect(current.headers.get("deprecation")).toBeNull();
  });

  it("refuses both spellings with different values, naming the field, and stores nothing", async () => {
    const before = (await storedReports(gw)).length;
    const both = await report({ nextFreeSlot: "2026-07-29T11:00:00+09:00", next_free_slot: "2026-07-29T12:00:00+09:00" }, ["manager"]);
    expect(both.body).toMatchObject({ status: 400, code: "SPELLINGS_DIFFER", field: "nextFreeSlot" });
    expect((await storedReports(gw)).length).toBe(before);
    const same = await report({ nextFreeSlot: "2026-07-29T12:00:00+09:00", next_free_slot: "2026-07-29T12:00:00+09:00" }, ["manager"]);
    expect(same.status).toBe(201);
  });

  it("takes a figure from staff on a post at that service's counter now", async () => {
    const res = await waitUntil(async () => {
      const answer = await report({ waiting: 7 }, ["staff"], risai.id, "at-this-counter");
      return answer.status === 201 && answer;
    }, "at-this-counter known to be on the counter's post");
    expect(res.body.waiting).toMatchObject({ waiting: 7 });
    expect((await storedReports(gw)).at(-1)).toMatchObject({ waiting: 7, reportedBy: "at-this-counter" });
  });

  it("refuses staff not on that counter, citizens and bad figures, naming the field, and stores nothing", async () => {
    const before = (await storedReports(gw)).length;
    expect((await report({ waiting: 3 }, ["staff"], risai.id, "at-another-counter")).body).toMatchObject({
      status: 403,
      code: "NOT_ON_POST",
    });
    expect((await report({ waiting: 3 }, ["staff"], risai.id, "nobody-on-post")).body).toMatchObject({ status: 403, code: "NOT_ON_POST" });
    expect((await report({ waiting: 3 }, ["approver"] as never)).body).toMatchObject({ status: 403, code: "ROLE_FORBIDDEN" });
    expect((await gw.call("POST", `/api/v1/services/${risai.id}/waiting`, { body: { waiting: 3 } })).status).toBe(401);
    expect((await report({ waiting: -1 })).body).toMatchObject({ status: 422, field: "waiting" });
    expect((await report({ waiting: 2.5 })).body).toMatchObject({ status: 422, field: "waiting" });
    expect((await report({})).body).toMatchObject({ status: 422, field: "waiting" });
    expect((await report({ waiting: 1, nextFreeSlot: "2026-07-29T10:30:00+09:00" })).body).toMatchObject({
      status: 422,
      field: "waiting",
    });
    expect((await report({ nextFreeSlot: "tomorrow" })).body).toMatchObject({ status: 422, field: "nextFreeSlot" });
    expect((await report({ waiting: 1, queue: 2 })).body).toMatchObject({ status: 422, field: "queue" });
    expect((await report({ waiting: 1 }, ["manager"], "no-such")).body).toMatchObject({ status: 404, code: "SERVICE_NOT_FOUND" });
    expect((await storedReports(gw)).length).toBe(before);
  });

  it("learns figures other replicas published from the service stream", async () => {
    const other = CounterWaitingReported.fromPartial({
      eventId: "other-replica-1",
      serviceId: risai.id,
      serviceName: "り災証明書",
      waiting: 40,
      reportedAt: "2026-07-28T08:00:00Z",
    });
    await publishEvent(gw.backbone.js, eventTypes.counterWaitingReported, other, { eventId: other.eventId, correlationId: "test" });
    await waitUntil(
      async () => (await gw.call("GET", "/api/v1/services")).body.services[0].waiting?.waiting === 40,
      "the other report read",
    );
  });

  it("sends each waiting figure and occupancy report to open pages over the event stream, without moving their resume position", async () => {
    const stream = await SseClient.open(`${gw.base}/api/v1/events`);
    try {
      await waitUntil(() => stream.events.some((e) => e.event === "ready"), "the stream open");
      const position = stream.lastId();
      gw.clock.advance(60 * 60_000); // past the other replica's figure (08:00Z), so this one is the latest
      await report({ waiting: 5 });
      const waiting = await waitUntil(() => stream.events.find((e) => e.event === "waiting"), "the waiting figure on the stream");
      expect(waiting.id).toBeUndefined();
      expect(JSON.parse(waiting.data!)).toMatchObject({ serviceId: risai.id, waiting: { waiting: 5, ageSeconds: 0, stale: false } });
      const occupancy = OccupancyReported.fromPartial({
        eventId: "occ-1",
        facilityId: "ref:E4310000014111",
        facilityName: "くまもと森都心プラザ",
        ward: "西区",
        headcount: 100,
        capacity: 100,
        level: CrowdingLevel.CROWDING_LEVEL_FULL,
        reportedAt: "2026-07-28T07:30:00Z",
      });
      await publishEvent(gw.backbone.js, eventTypes.occupancyReported, occupancy, { eventId: occupancy.eventId, correlationId: "test" });
      const crowding = await waitUntil(() => stream.events.find((e) => e.event === "crowding"), "the occupancy report on the stream");
      expect(JSON.parse(crowding.data!)).toEqual({
        id: "ref:E4310000014111",
        ward: "西区",
        level: "full",
        headcount: 100,
        capacity: 100,
        reportedAt: "2026-07-28T07:30:00Z",
      });
      expect(stream.events.filter((e) => e.id).at(-1)?.id).toBe(position);
    } finally {
      stream.close();
    }
  });

  it("marks a waiting figure older than the stale setting (60 minutes) as out of date", async () => {
    await report({ waiting: 9 });
    gw.clock.advance(61 * 60_000);
    const one = await gw.call("GET", `/api/v1/services/${risai.id}`);
    expect(one.body.waiting).toMatchObject({ waiting: 9, ageSeconds: 61 * 60, stale: true });
  });

  it("learns the usual wait per hour of the week from the recorded figures, and names the quiet hours", async () => {
    const past = [
      ["2026-07-13T10:10:00+09:00", 20],
      ["2026-07-20T10:40:00+09:00", 30],
      ["2026-07-13T14:10:00+09:00", 2],
      ["2026-07-20T14:50:00+09:00", 4],
    ] as const;
    for (const [i, [at, waiting]] of past.entries()) {
      const r = CounterWaitingReported.fromPartial({
        eventId: `history-${i}`,
        serviceId: risai.id,
        serviceName: "り災証明書",
        waiting,
        reportedAt: new Date(at).toISOString(),
      });
      await publishEvent(gw.backbone.js, eventTypes.counterWaitingReported, r, { eventId: r.eventId, correlationId: "test" });
    }
    const res = await waitUntil(async () => {
      const answer = await gw.call("GET", `/api/v1/services/${risai.id}/expected-waiting`);
      return answer.body.hours?.some((h: { hour: number }) => h.hour === 14) && answer;
    }, "the history read");
    expect(counterAnswers.expectedWaiting.safeParse(res.body).error).toBeUndefined();
    expect(res.body).toMatchObject({ serviceId: risai.id, serviceName: "り災証明書" });
    expect(res.body.hours).toEqual(
      expect.arrayContaining([
        { weekday: 1, hour: 10, expected: 25, samples: 2 },
        { weekday: 1, hour: 14, expected: 3, samples: 2 },
      ]),
    );
    expect(res.body.quiet[0]).toEqual({ weekday: 1, hour: 14, expected: 3, samples: 2 });
    const page = await fetch(`${gw.base}/services/${risai.id}?lang=ja`).then((r) => r.text());
    expect(page).toContain("ふだんすいているのは 月 14時台");
    expect(page).toMatch(/<td class="quiet"><strong>3<\/strong><\/td>/);
    expect(page).toContain('id="waiting-below"');
    expect((await gw.call("GET", "/api/v1/services/no-such/expected-waiting")).body).toMatchObject({
      status: 404,
      code: "SERVICE_NOT_FOUND",
    });
  });

  it("refuses a 'better time' subscription to a counter service that does not exist, naming the topic", async () => {
    const subscription = { endpoint: "https://fcm.googleapis.com/fcm/send/x", keys: { p256dh: "p", auth: "a" } };
    for (const [topics, field] of [
      [["ward:北区", "waiting:no-such:5"], "topics[1]"],
      [["reopening:no-such"], "topics[0]"],
    ] as const) {
      const res = await gw.call("POST", "/api/v1/subscriptions", { body: { subscription, topics } });
      expect(res.body).toMatchObject({ status: 422, code: "TOPIC_SERVICE_NOT_FOUND", field });
    }
  });
});
