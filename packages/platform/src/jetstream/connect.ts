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
export async function connectBackbone(url: string, name: string, logger: Logger): Promise<Backbone> {
  const nc = await connect({ servers: url.split(","), name, maxReconnectAttempts: -1, reconnectTimeWait: 500, noAsyncTraces: true });
  let up = true;
  (async () => {
    for await (const s of nc.status()) {
      if (s.type === "disconnect") up = false;
      if (s.type === "reconnect") up = true;
      if (s.type === "disconnect" || s.type === "reconnect") logger.warn({ nats: s.type, server: s.data }, "nats connection changed");
    }
  })().catch(() => undefined);
  return { nc, js: nc.jetstream(), jsm: await nc.jetstreamManager(), connected: () => up && !nc.isClosed() };
}
