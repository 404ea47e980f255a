import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/**
 * The metrics of one back-end process, served at /metrics on its health port: gRPC request
 * rates and latencies, event handling and consumer lag, pushes sent, and Node's own figures.
 * One registry per process (each service is its own process).
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

export const grpcRequests = new Counter({
  name: "grpc_requests_total",
  help: "gRPC calls answered, by method and outcome (ok, refused, failed)",
  labelNames: ["method", "outcome"],
  registers: [metricsRegistry],
});

export const grpcSeconds = new Histogram({
  name: "grpc_request_duration_seconds",
  help: "Time to answer a gRPC call",
  labelNames: ["method"],
  buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [metricsRegistry],
});

export const eventsHandled = new Counter({
  name: "events_handled_total",
  help: "Messages a durable consumer handled, by consumer and outcome (acked, retried, given_up)",
  labelNames: ["consumer", "outcome"],
  registers: [metricsRegistry],
});

export const eventSeconds = new Histogram({
  name: "event_handler_duration_seconds",
  help: "Time a consumer's handler took for one message",
  labelNames: ["consumer"],
  buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30],
  registers: [metricsRegistry],
});

export const consumerLag = new Gauge({
  name: "consumer_lag_messages",
  help: "Messages stored for a durable consumer and not yet delivered to it (as of its last delivery)",
  labelNames: ["consumer"],
  registers: [metricsRegistry],
});

/** For the push sender: one count per push handed to a push service, by its answer. */
export const pushesSent = new Counter({
  name: "pushes_sent_total",
  help: "Web pushes sent, by outcome (delivered, gone, retried, failed)",
  labelNames: ["outcome"],
  registers: [metricsRegistry],
});

export const deadLettersParked = new Counter({
  name: "dead_letters_parked_total",
  help: "Events this process's consumers gave up on and parked in the dead-letter stream, by consumer",
  labelNames: ["consumer"],
  registers: [metricsRegistry],
});

let countWaiting: (() => Promise<number>) | undefined;

/** Where `dead_letters_waiting` reads its figure (the dead-letter stream; set once connected). */
export function countDeadLettersWith(count: () => Promise<number>): void {
  countWaiting = count;
}

export const deadLettersWaiting = new Gauge({
  name: "dead_letters_waiting",
  help: "Events parked in the dead-letter stream (every consumer of the city), waiting for a fix and `npm run redrive`",
  registers: [metricsRegistry],
  async collect() {
    // An unreachable NATS leaves the last figure rather than failing the whole scrape.
    const count = await countWaiting?.().catch(() => undefined);
    if (count !== undefined) this.set(count);
  },
});
