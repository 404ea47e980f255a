import { JetStreamClient, JetStreamManager, NatsConnection, connect } from "nats";
import { Logger } from "pino";

export interface Backbone {
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  connected(): boolean;
}

/**
 * Connects to NATS and keeps reconnecting forever: a restarting server must not take a service down.
 * No async traces: otherwise every request and publish acknowledgement captures a stack trace in
 * advance, which was a tenth of notify's fan-out time; the errors still say what failed.
 */
/** nats.js waits 5 s for a JetStream answer, too short on a loaded machine; services set JETSTREAM_REQUEST_TIMEOUT_MS. */
export const defaultJetStreamRequestMs = 30_000;

export async function connectBackbone(
  url: string,
  name: string,
  logger: Logger,
  limits: { connectMs?: number; requestMs?: number } = {},
): Promise<Backbone> {
  const connectMs = limits.connectMs ?? 60_000;
  // A server still starting is waited for, up to the limit (START_NATS_TIMEOUT_MS).
  const connecting = connect({
    servers: url.split(","),
    name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    noAsyncTraces: true,
    waitOnFirstConnect: true,
  });
  let timer: NodeJS.Timeout | undefined;
  const nc = await Promise.race([
    connecting,
    new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`could not connect to NATS at ${url} within START_NATS_TIMEOUT_MS=${connectMs}`)),
        connectMs,
      );
    }),
  ]).finally(() => clearTimeout(timer));
  let up = true;
  (async () => {
    for await (const s of nc.status()) {
      if (s.type === "disconnect") up = false;
      if (s.type === "reconnect") up = true;
      if (s.type === "disconnect" || s.type === "reconnect") logger.warn({ nats: s.type, server: s.data }, "nats connection changed");
    }
  })().catch(() => undefined);
  const timeout = limits.requestMs ?? defaultJetStreamRequestMs;
  return { nc, js: nc.jetstream({ timeout }), jsm: await nc.jetstreamManager({ timeout }), connected: () => up && !nc.isClosed() };
}
