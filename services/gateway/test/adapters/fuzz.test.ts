import fc from "fast-check";
import { ensureStreams, streams } from "@crisis/platform";
import { Gateway, facility, startGateway } from "../support/gateway";
import { RawResponse, rawRequest } from "../support/raw-http";
import { operations } from "../../src/adapters/http/route-catalogue";

/**
 * Every route in the API document's list of operations (the list a test keeps equal to the routes
 * served), with `{id}` where a path carries a parameter or a wildcard.
 */
const routes: [string, string][] = Object.keys(operations).map((route) => {
  const [method, url] = route.split(" ");
  return [method, url.replace(/:\w+|\*/g, "{id}")];
});

/** The routes that call a service behind the gateway (down in this test), pages included. */
const upstream =
  /^\w+ \/(api\/v1\/(push|subscriptions|staffing|facilities|shelters|services|alerts|mode\/preview|bookings|tickets|counters)|facilities|services|status|console|bookings|tickets|counters|desk|\?| )/;

const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 10_000);

const deepJson = fc.integer({ min: 1, max: 20_000 }).map((depth) => "[".repeat(depth) + "]".repeat(depth));
const hugeString = fc.integer({ min: 1_000, max: 70_000 }).map((n) => JSON.stringify({ reason: "震".repeat(n) }));
const wrongTypes = fc
  .record({
    incident: fc.oneof(fc.integer(), fc.constant(null), fc.string(), fc.array(fc.string())),
    level: fc.oneof(fc.boolean(), fc.double(), fc.constantFrom("emergency", "EMERGENCY", "", "normal ")),
    wards: fc.oneof(fc.string(), fc.array(fc.oneof(fc.integer(), fc.string())), fc.object()),
    reason: fc.oneof(fc.integer(), fc.object(), fc.string()),
    subscription: fc.oneof(fc.string(), fc.object(), fc.record({ endpoint: fc.webUrl(), keys: fc.object() })),
    topics: fc.anything(),
    kind: fc.oneof(fc.string(), fc.constantFrom("closed", "reduced_hours", "capacity_limited"), fc.integer()),
    state: fc.oneof(fc.constantFrom("open", "closed", "OPEN"), fc.anything()),
    startsAt: fc.oneof(
      fc.string(),
      fc.date().map((d) => d.toString()),
      fc.integer(),
    ),
    capacity: fc.oneof(fc.double(), fc.string(), fc.integer({ min: -5, max: 5 })),
    latitude: fc.oneof(fc.double(), fc.string(), fc.constant(null)),
  })
  .map((v) => JSON.stringify(v));
const body = fc.oneof(
  wrongTypes,
  deepJson,
  hugeString,
  fc.json(),
  fc.string(),
  fc.uint8Array({ maxLength: 2_000 }).map((b) => Buffer.from(b)),
  fc.constant(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d])),
);
const oddId = fc.oneof(
  fc.constantFrom("{}", "a b", "%7B%7D", "a%20b", "..%2F..", "%00", "%ff%fe", "*", ".", "..", "a/b", "\u0000", "ID"),
  fc.string({ maxLength: 300 }).map(encodeURIComponent),
  fc.integer({ min: 1, max: 9_000 }).map((n) => "x".repeat(n)),
);
const badToken = fc.oneof(
  fc.constantFrom(
    "Bearer",
    "Bearer ",
    "Basic YWRtaW46YWRtaW4=",
    // alg none, and a token signed by no one
    `Bearer ${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from('{"sub":"x","roles":["manager"]}').toString("base64url")}.`,
    "Bearer eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJtIiwicm9sZXMiOlsibWFuYWdlciJdfQ.c2lnbmF0dXJl",
  ),
  fc.string({ maxLength: 2_000 }).map((s) => `Bearer ${s}`),
);
const lastEventId = fc.oneof(fc.string({ maxLength: 100 }), fc.constantFrom("1-2-3", "99999999999999999999-0-0", "-1-0-0", "0-0-0"));
const header = (name: string, value: string) => `${name}: ${value.replace(/[\r\n]/g, " ")}\r\n`;

const request = fc.record({
  route: fc.constantFrom(...routes),
  id: oddId,
  query: fc.option(fc.string({ maxLength: 200 }).map(encodeURIComponent)),
  token: fc.option(badToken),
  contentType: fc.constantFrom(
    "application/json",
    "application/json; charset=utf-8",
    "text/plain",
    "application/x-www-form-urlencoded",
    "",
  ),
  lastEventId: fc.option(lastEventId),
  ifNoneMatch: fc.option(fc.string({ maxLength: 100 })),
  unsubscribe: fc.option(fc.string({ maxLength: 300 })),
  body: fc.option(body),
  methodSwap: fc.option(fc.constantFrom("PUT", "PATCH", "OPTIONS", "HEAD", "TRACE", "BREW")),
});

type Generated = typeof request extends fc.Arbitrary<infer T> ? T : never;

function encode(r: Generated): Buffer {
  const [method, template] = r.route;
  const path = template.replaceAll("{id}", r.id) + (r.query ? `?lastEventId=${r.query}` : "");
  const payload = r.body === null ? Buffer.alloc(0) : Buffer.isBuffer(r.body) ? r.body : Buffer.from(r.body, "utf8");
  let head = `${r.methodSwap ?? method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n`;
  if (r.token !== null) head += header("Authorization", r.token);
  if (r.contentType) head += header("Content-Type", r.contentType);
  if (r.lastEventId !== null) head += header("Last-Event-ID", r.lastEventId);
  if (r.ifNoneMatch !== null) head += header("If-None-Match", r.ifNoneMatch);
  if (r.unsubscribe !== null) head += header("X-Unsubscribe-Token", r.unsubscribe);
  if (payload.length) head += `Content-Length: ${payload.length}\r\n`;
  return Buffer.concat([Buffer.from(`${head}\r\n`, "utf8"), payload]);
}

describe("fuzzing every route with malformed requests", () => {
  let gw: Gateway;
  const state = async () => {
    const mode = (await (await fetch(`${gw.base}/api/v1/mode`)).json()) as { sequence: number };
    const counts = await Promise.all(Object.values(streams).map(async (s) => (await gw.backbone.jsm.streams.info(s.name)).state.messages));
    return { sequence: mode.sequence, counts };
  };

  beforeAll(async () => {
    gw = await startGateway({ registry: [facility({})], maxClients: 10_000 });
    await ensureStreams(gw.backbone.jsm, Object.values(streams));
    const res = await fetch(`${gw.base}/api/v1/mode`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${await gw.token()}` },
      body: JSON.stringify({ incident: "flood", level: "alert", wards: ["南区"], reason: "before the fuzz" }),
    });
    expect(res.status).toBe(201);
  });
  afterAll(() => gw.stop());

  it(`answers ${REQUESTS} generated malformed requests to every route in the API document without a server error, every refusal as problem+json, and changes nothing`, async () => {
    const before = await state();
    const samples = fc.sample(request, { numRuns: REQUESTS, seed: 20260728 });
    expect(new Set(samples.map((r) => r.route.join(" "))).size).toBe(routes.length);
    const port = Number(new URL(gw.base).port);
    const failures: { request: string; response: RawResponse }[] = [];
    let answered = 0;
    const work = samples.map(encode);
    const worker = async () => {
      for (let bytes = work.pop(); bytes; bytes = work.pop()) {
        const response = await rawRequest(port, bytes, 30_000).catch((err: Error): RawResponse => ({
          status: 0,
          headers: {},
          body: err.message,
        }));
        answered++;
        // The services behind the gateway are down in this test: a request valid enough to reach
        // one is answered 503 UPSTREAM_UNAVAILABLE, the one 5xx that is not the gateway's fault.
        const head = bytes.subarray(0, 5).toString() === "HEAD ";
        const upstreamDown =
          response.status === 503 &&
          (response.body.includes('"UPSTREAM_UNAVAILABLE"') || (head && upstream.test(bytes.toString("latin1", 0, 80))));
        const serverError = response.status >= 500 && !upstreamDown;
        // A page that names no facility answers 404 as a page, for the person reading it.
        const page = /^text\/html/.test(response.headers["content-type"] ?? "") && response.status === 404;
        const notProblem = response.status >= 400 && !page && !/^application\/problem\+json/.test(response.headers["content-type"] ?? "");
        const leaks = /FST_ERR|node_modules|at [\w.]+ \(/.test(response.body);
        if (response.status === 0 || serverError || notProblem || leaks)
          failures.push({ request: bytes.subarray(0, 300).toString("latin1"), response });
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    expect(answered).toBe(REQUESTS);
    const summary = failures.map((f) => `${f.response.status} ${f.response.headers["content-type"]} ${f.request.split("\r\n")[0]}`);
    expect(summary.slice(0, 30)).toEqual([]);
    expect(await state()).toEqual(before);
  }, 600_000);
});
