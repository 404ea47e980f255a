import { FastifyInstance } from "fastify";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { declareRoute, serve } from "./declared-routes";

export interface GatewayGauges {
  /** SSE clients connected to this instance. */
  sseClients: () => number;
  /** Messages stored in each status stream that the status has not read yet. */
  statusLag: () => Promise<Record<string, number>>;
  /** Events parked in the dead-letter stream. */
  deadLetters: () => Promise<number>;
}

export const metricsApi = {
  metrics: declareRoute({ method: "GET", url: "/metrics", summary: "Prometheus metrics", responses: { 200: "text/plain; version=0.0.4" } }),
};

/** Prometheus metrics at /metrics: request rates and latencies per route, SSE clients, status lag. */
export function metricsRoutes(app: FastifyInstance, gauges: GatewayGauges) {
  const registry = new Registry();
  registry.setDefaultLabels({ service: "gateway" });
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: "http_requests_total",
    help: "HTTP requests answered, by route and status",
    labelNames: ["method", "route", "status"],
    registers: [registry],
  });
  const latency = new Histogram({
    name: "http_request_duration_seconds",
    help: "Time to answer an HTTP request",
    labelNames: ["method", "route"],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  new Gauge({
    name: "sse_clients",
    help: "Server-Sent Events streams open on this instance",
    registers: [registry],
    collect() {
      this.set(gauges.sseClients());
    },
  });
  new Gauge({
    name: "consumer_lag_messages",
    help: "Messages stored in a stream that this instance has not read yet",
    labelNames: ["stream"],
    registers: [registry],
    async collect() {
      for (const [stream, lag] of Object.entries(await gauges.statusLag())) this.set({ stream }, lag);
    },
  });
  new Gauge({
    name: "dead_letters_waiting",
    help: "Events parked in the dead-letter stream (every consumer of the city), waiting for a fix and `npm run redrive`",
    registers: [registry],
    async collect() {
      const count = await gauges.deadLetters().catch(() => undefined);
      if (count !== undefined) this.set(count);
    },
  });
  // One labelled series per route and status, looked up once: the status answers thousands a second.
  const series = new Map<string, { count: { inc(): void }; time: { observe(seconds: number): void } }>();
  const observe = (method: string, route: string, status: number, seconds: number) => {
    const key = `${method} ${route} ${status}`;
    let found = series.get(key);
    if (!found) {
      found = { count: requests.labels({ method, route, status }), time: latency.labels({ method, route }) };
      series.set(key, found);
    }
    found.count.inc();
    found.time.observe(seconds);
  };
  app.addHook("onResponse", (request, reply, done) => {
    // Unmatched paths share one label, so that scanning cannot grow the series without bound.
    observe(request.method, request.routeOptions.url ?? "unmatched", reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
  serve(app, metricsApi.metrics, async ({ reply }) => reply.type(registry.contentType).send(await registry.metrics()));
  return { observe };
}
