import { waitUntil } from "@crisis/platform";
import { Gateway, facility, startGateway } from "../support/gateway";
import { rawRequest } from "../support/raw-http";

const port = (gw: Gateway) => Number(new URL(gw.base).port);
const raw = (gw: Gateway, text: string | Buffer) => rawRequest(port(gw), Buffer.isBuffer(text) ? text : Buffer.from(text, "latin1"));

describe("the hardened edge", () => {
  let open: Gateway;
  let strict: Gateway;

  beforeAll(async () => {
    open = await startGateway({ registry: [facility({})] });
    strict = await startGateway({
      registry: [facility({})],
      edge: {
        hsts: true,
        corsOrigins: ["https://www.city.kumamoto.jp"],
        rateLimit: { perIp: 12, perToken: 3, windowMs: 60_000 },
        // As behind the city's TLS proxy, which speaks from this machine.
        trustProxy: ["127.0.0.1"],
      },
    });
  });
  afterAll(async () => {
    await open.stop();
    await strict.stop();
  });

  it("sends a CSP without inline script, frame-ancestors none and nosniff; HSTS only when configured behind TLS", async () => {
    const res = await fetch(`${open.base}/api/v1/mode`);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("strict-transport-security")).toBeNull();
    const tls = await fetch(`${strict.base}/api/v1/mode`);
    expect(tls.headers.get("strict-transport-security")).toMatch(/max-age=31536000/);
  });

  it("answers the cached status (its fast path) with the same security headers, correlation id and CORS as any answer", async () => {
    await waitUntil(async () => (await fetch(`${open.base}/api/v1/status`)).status === 200, "the status to be ready");
    const res = await fetch(`${open.base}/api/v1/status`, { headers: { "x-correlation-id": "corr-status-0001" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-correlation-id")).toBe("corr-status-0001");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("etag")).toMatch(/^"/);
    const again = await fetch(`${open.base}/api/v1/status`, { headers: { "if-none-match": res.headers.get("etag")! } });
    expect(again.status).toBe(304);
    const city = await fetch(`${strict.base}/api/v1/status`, {
      headers: { origin: "https://www.city.kumamoto.jp", "x-forwarded-for": "203.0.113.50" },
    });
    expect(city.headers.get("access-control-allow-origin")).toBe("https://www.city.kumamoto.jp");
    expect(city.headers.get("strict-transport-security")).toMatch(/max-age=31536000/);
  });

  it("allows no browser origin by default, and only the configured ones when set", async () => {
    const origin = { origin: "https://evil.example" };
    expect((await fetch(`${open.base}/api/v1/mode`, { headers: origin })).headers.get("access-control-allow-origin")).toBeNull();
    expect((await fetch(`${strict.base}/api/v1/mode`, { headers: origin })).headers.get("access-control-allow-origin")).toBeNull();
    const city = await fetch(`${strict.base}/api/v1/mode`, { headers: { origin: "https://www.city.kumamoto.jp" } });
    expect(city.headers.get("access-control-allow-origin")).toBe("https://www.city.kumamoto.jp");
  });

  it("limits requests per token, then per IP, answering 429 problem+json with Retry-After", async () => {
    const bearer = { authorization: "Bearer not-even-a-jwt" };
    const withToken = [];
    for (let i = 0; i < 4; i++) withToken.push(await fetch(`${strict.base}/api/v1/mode`, { method: "POST", headers: bearer }));
    expect(withToken.map((r) => r.status)).toEqual([401, 401, 401, 429]);
    const limited = withToken[3];
    expect(limited.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ status: 429, code: "RATE_LIMITED" });
    const statuses = [];
    for (let i = 0; i < 12; i++) statuses.push((await fetch(`${strict.base}/api/v1/mode`)).status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect((await fetch(`${strict.base}/healthz`)).status).toBe(200);
  });

  it("limits each client behind the trusted proxy by its own address (X-Forwarded-For), not the proxy's", async () => {
    const from = (ip: string) => fetch(`${strict.base}/api/v1/mode`, { headers: { "x-forwarded-for": ip } });
    const first = [];
    for (let i = 0; i < 13; i++) first.push((await from("203.0.113.7")).status);
    expect(first.slice(0, 12)).toEqual(Array(12).fill(200));
    expect(first[12]).toBe(429);
    expect((await from("203.0.113.8")).status).toBe(200);
  });

  it("answers Node's own refusals before routing (bad request line, oversized headers) as problem+json", async () => {
    const badLine = await raw(open, "GET /api/v1/status with spaces HTTP/1.1\r\nHost: x\r\n\r\n");
    expect(badLine.status).toBe(400);
    expect(badLine.headers["content-type"]).toBe("application/problem+json");
    expect(JSON.parse(badLine.body)).toMatchObject({ status: 400, code: "REQUEST_MALFORMED" });
    const huge = await raw(open, `GET /api/v1/status HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`);
    expect(huge.status).toBe(431);
    expect(huge.headers["content-type"]).toBe("application/problem+json");
    expect(JSON.parse(huge.body)).toMatchObject({ status: 431, code: "HEADERS_TOO_LARGE" });
  });

  it("refuses a body over the limit with 413 problem+json naming no internals", async () => {
    const res = await fetch(`${open.base}/api/v1/mode`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${await open.token()}` },
      body: JSON.stringify({ reason: "x".repeat(100_000) }),
    });
    expect(res.status).toBe(413);
    const body = await res.json();
    expect(body).toMatchObject({ code: "BODY_TOO_LARGE", field: "body" });
    expect(JSON.stringify(body)).not.toMatch(/FST_|fastify|at \w+ \(/);
  });

  it.each(["%7B%7D", "a%20b", "..%2F..%2Fetc", "%00"])("answers DELETE /subscriptions/%s with 404, not an upstream failure", async (id) => {
    const res = await fetch(`${open.base}/api/v1/subscriptions/${id}`, { method: "DELETE", headers: { "x-unsubscribe-token": "t" } });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: "SUBSCRIPTION_NOT_FOUND", field: "id" });
  });

  it("exposes Prometheus metrics: request rates and latencies, SSE clients, status lag", async () => {
    await fetch(`${open.base}/api/v1/status`);
    const text = await (await fetch(`${open.base}/metrics`)).text();
    expect(text).toMatch(/http_requests_total\{[^}]*route="\/api\/v1\/status"[^}]*\} \d+/);
    expect(text).toContain("http_request_duration_seconds_bucket");
    expect(text).toMatch(/sse_clients\{service="gateway"\} 0/);
    expect(text).toMatch(/consumer_lag_messages\{stream="facility",service="gateway"\} 0/);
  });
});
