import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { request } from "node:http";
import { publishEvent, waitUntil } from "@crisis/platform";
import { FacilityStatus, FacilityUse, ServiceLevel, ShelterOperation, eventTypes } from "@crisis/platform/contracts";
import { FacilityStatusChanged } from "@crisis/platform/contracts/events";
import { Gateway, facility, startGateway } from "../../../support/gateway";
import { SseClient } from "../../../support/sse-client";
import { operations } from "../../../../src/adapters/http/route-catalogue";

const registry = [
  facility({ id: "shelter:1", name: "五福小学校", ward: "中央区" }),
  facility({ id: "shelter:2", name: "託麻西小学校", ward: "東区", latitude: 32.79, longitude: 130.76, address: "熊本市東区1" }),
  facility({ id: "lib:1", name: "熊本市立図書館", category: "library", ward: "南区", designatedShelter: false }),
];

let n = 0;
const shelterOpened = (id: string, ward: string): FacilityStatusChanged => ({
  eventId: `fsc-${++n}`,
  facilityId: id,
  facilityName: "",
  category: "school",
  ward,
  previousStatus: FacilityStatus.FACILITY_STATUS_NORMAL,
  status: FacilityStatus.FACILITY_STATUS_SHELTER_OPEN,
  causeEventId: "mode-1",
  changedAt: "2026-07-28T07:31:00Z",
  reason: "地震 緊急体制",
  previousUse: FacilityUse.FACILITY_USE_OPEN,
  use: FacilityUse.FACILITY_USE_CLOSED,
  previousShelter: ShelterOperation.SHELTER_OPERATION_NOT_OPENED,
  shelter: ShelterOperation.SHELTER_OPERATION_OPEN,
  source: 1,
  reasons: ["地震 緊急体制"],
  latitude: 0,
  longitude: 0,
  address: "",
});

/** GET with raw headers (fetch would decompress and hide the encoding). */
const get = (url: string, headers: Record<string, string> = {}) =>
  new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on("error", reject)
      .end();
  });

describe("the live status, kept from events on a real nats-server", () => {
  let gw: Gateway;
  const publishShelter = (id: string, ward: string) =>
    publishEvent(gw.backbone.js, eventTypes.facilityStatusChanged, shelterOpened(id, ward), {
      eventId: `open-${id}-${++n}`,
      correlationId: "c",
    });
  const declare = async (level: string) => {
    const res = await fetch(`${gw.base}/api/v1/mode`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${await gw.token()}` },
      body: JSON.stringify({ incident: "earthquake", level, wards: [], reason: "M7.1 震度6強" }),
    });
    expect(res.status).toBe(201);
  };
  const status = async () => JSON.parse((await get(`${gw.base}/api/v1/status`)).body.toString());

  beforeAll(async () => (gw = await startGateway({ registry, heartbeatMs: 200, maxClients: 3 })));
  afterAll(() => gw.stop());

  it("serves the mode, facilities, shelters open by ward and service levels from events", async () => {
    await declare("emergency");
    await publishShelter("shelter:1", "中央区");
    await publishShelter("shelter:2", "東区");
    await publishEvent(
      gw.backbone.js,
      eventTypes.serviceLevelChanged,
      {
        eventId: "svc-1",
        serviceId: "risai",
        serviceName: "り災証明",
        channel: "online",
        previousLevel: ServiceLevel.SERVICE_LEVEL_NORMAL,
        level: ServiceLevel.SERVICE_LEVEL_EXTENDED,
        reason: "地震",
        startsAt: "2026-07-28T08:00:00Z",
        endsAt: "",
        source: 1,
        causeEventId: "mode-1",
        changedAt: "2026-07-28T07:31:00Z",
        wards: [],
      },
      { eventId: "svc-1", correlationId: "c" },
    );
    const body = await waitUntil(async () => {
      const s = await status();
      return s.sheltersOpen?.total === 2 && s.services?.length === 1 && s;
    }, "the status to show two shelters and one service");
    expect(body.mode).toMatchObject({ incident: "earthquake", level: "emergency" });
    expect(body.sheltersOpen.byWard).toEqual({ 中央区: 1, 東区: 1, 西区: 0, 南区: 0, 北区: 0 });
    expect(body.summary).toEqual({ shelter_open: 2, normal: 1 });
    expect(body.services[0]).toMatchObject({ id: "risai", channel: "online", level: "extended" });
    const shelter = body.facilities.find((f: { id: string }) => f.id === "shelter:2");
    // The registry's address stays; the event brings status, use, shelter operation and reasons.
    expect(shelter).toMatchObject({
      address: "熊本市東区1",
      status: "shelter_open",
      use: "closed",
      shelter: "open",
      reasons: ["地震 緊急体制"],
    });
    // As the API document describes it, every field described (the schema drops the others).
    const described = operations["GET /api/v1/status"].answers![200].safeParse(body);
    expect(described.error).toBeUndefined();
    expect(described.data).toEqual(body);
  });

  it("answers 304 to a matching If-None-Match or If-Modified-Since, and a changed status with a new ETag", async () => {
    const first = await get(`${gw.base}/api/v1/status`);
    expect(first.status).toBe(200);
    const etag = first.headers.etag as string;
    const lastModified = first.headers["last-modified"] as string;
    expect(etag).toMatch(/^".+"$/);
    expect((await get(`${gw.base}/api/v1/status`, { "if-none-match": etag })).status).toBe(304);
    expect((await get(`${gw.base}/api/v1/status`, { "if-modified-since": lastModified })).status).toBe(304);
    gw.clock.advance(60_000);
    await publishShelter("shelter:1", "中央区");
    const next = await waitUntil(async () => {
      const r = await get(`${gw.base}/api/v1/status`, { "if-none-match": etag });
      return r.status === 200 && r;
    }, "a new ETag after the change");
    expect(next.headers.etag).not.toBe(etag);
  });

  it("sends the same body compressed with brotli or gzip when the client accepts it", async () => {
    const plain = await get(`${gw.base}/api/v1/status`);
    const br = await get(`${gw.base}/api/v1/status`, { "accept-encoding": "gzip, deflate, br" });
    const gz = await get(`${gw.base}/api/v1/status`, { "accept-encoding": "gzip" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
    expect(br.body.length).toBeLessThan(plain.body.length);
  });

  it("gives a client that reconnects with Last-Event-ID exactly the changes it missed, then live ones", async () => {
    const first = await SseClient.open(`${gw.base}/api/v1/events`);
    expect(first.status).toBe(200);
    expect(first.headers["content-type"]).toMatch(/^text\/event-stream/);
    await waitUntil(() => first.events.length >= 1, "the ready event");
    await publishShelter("shelter:1", "中央区");
    await waitUntil(() => first.changes().length === 1, "one live change");
    const seen = first.lastId()!;
    first.close();

    // Missed while disconnected: a stand-down and two facility changes.
    await declare("normal");
    await publishShelter("shelter:2", "東区");
    await publishShelter("shelter:1", "中央区");
    await waitUntil(() => gw.live.recent.length > 0 && gw.live.view.mode?.level === 1, "the gateway to see the stand-down");

    const again = await SseClient.open(`${gw.base}/api/v1/events`, { "last-event-id": seen });
    await waitUntil(() => again.changes().length >= 3, "the three missed changes");
    await publishShelter("shelter:2", "東区");
    await waitUntil(() => again.changes().length >= 4, "the next live change");
    // Give anything doubled a moment to show up before counting.
    await new Promise((r) => setTimeout(r, 300));
    const kinds = again.changes().map((e) => e.event);
    expect(kinds).toEqual(["mode", "facility", "facility", "facility"]);
    const ids = again.changes().map((e) => e.id);
    expect(new Set(ids).size).toBe(4);
    expect(JSON.parse(again.changes()[0].data!).data.mode.level).toBe("normal");
    again.close();
  });

  it("keeps following when its consumer is lost (as when the node holding it dies)", async () => {
    const names: string[] = [];
    for await (const c of gw.backbone.jsm.consumers.list("CRISIS_FACILITY")) names.push(c.name);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) await gw.backbone.jsm.consumers.delete("CRISIS_FACILITY", name);
    const before = gw.live.position.facility;
    await publishShelter("shelter:2", "東区");
    await waitUntil(() => gw.live.position.facility > before, "the status to read the next facility change", 60_000);
  });

  it("keeps a quiet stream alive with comment lines", async () => {
    const client = await SseClient.open(`${gw.base}/api/v1/events`);
    await waitUntil(() => client.comments.length >= 2, "two heartbeats");
    expect(client.comments[0]).toBe(": keep-alive");
    client.close();
  });

  it("refuses a stream beyond the instance's cap with 503 problem+json, and a Last-Event-ID it never sent with 400", async () => {
    const open = await Promise.all([0, 1, 2].map(() => SseClient.open(`${gw.base}/api/v1/events`)));
    await waitUntil(() => open.every((c) => c.events.length >= 1), "three streams open");
    const refused = await get(`${gw.base}/api/v1/events`);
    expect(refused.status).toBe(503);
    expect(refused.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(refused.body.toString())).toMatchObject({ code: "TOO_MANY_STREAMS" });
    for (const c of open) c.close();
    await waitUntil(async () => (await SseClient.open(`${gw.base}/api/v1/events`, { "last-event-id": "x" })).status === 400, "a 400");
  });
});
