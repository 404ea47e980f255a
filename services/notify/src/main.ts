import { Agent } from "node:https";
import {
  NotifyServiceService,
  connectBackbone,
  createLogger,
  createReadiness,
  ensureStreams,
  onShutdown,
  startGrpcServer,
  startHealthServer,
  streams,
  systemClock,
} from "@crisis/platform";
import { consumeAppliedPlaybooks, consumePushDeliveries } from "./adapters/nats/consumers";
import { jetStreamAlertEvents, jetStreamDeliveryQueue } from "./adapters/nats/notify-events";
import { kvSubscriptionStore } from "./adapters/nats/subscription-store";
import { notifyServer } from "./adapters/grpc/notify-server";
import { webPushSender } from "./adapters/webpush/web-push-sender";
import { readConfig } from "./config";

async function main() {
  const config = readConfig();
  const logger = createLogger("notify", config.LOG_LEVEL);
  const readiness = createReadiness();
  const health = await startHealthServer(config.BIND_HOST, config.NOTIFY_HEALTH_PORT, readiness);
  const backbone = await connectBackbone(config.NATS_URL, "notify", logger);
  await ensureStreams(backbone.jsm, [streams.facility, streams.alert, streams.pushDelivery]);
  const store = await kvSubscriptionStore(backbone.js);
  const agent = new Agent({ keepAlive: true, maxSockets: config.PUSH_CONCURRENCY });
  const sender = webPushSender({
    vapid: { subject: config.VAPID_SUBJECT, publicKey: config.VAPID_PUBLIC_KEY, privateKey: config.VAPID_PRIVATE_KEY },
    ttlSeconds: config.PUSH_TTL_SECONDS,
    timeoutMs: config.PUSH_TIMEOUT_MS,
    agent,
  });
  const deliveries = await consumePushDeliveries(
    backbone,
    { store, sender, clock: systemClock, ttlSeconds: config.PUSH_TTL_SECONDS },
    { concurrency: config.PUSH_CONCURRENCY, ackWaitMs: config.NOTIFY_ACK_WAIT_MS },
    logger,
  );
  const alerts = await consumeAppliedPlaybooks(
    backbone,
    {
      store,
      queue: jetStreamDeliveryQueue(backbone.js),
      events: jetStreamAlertEvents(backbone.js),
      clock: systemClock,
      statusUrl: new URL("/status", config.PUBLIC_BASE_URL).toString(),
    },
    config.NOTIFY_ACK_WAIT_MS,
    logger,
  );
  const grpc = await startGrpcServer(config.BIND_HOST, config.NOTIFY_GRPC_PORT, [
    {
      definition: NotifyServiceService,
      implementation: notifyServer({ store, origins: config.PUSH_ALLOWED_ORIGINS, clock: systemClock }, config.VAPID_PUBLIC_KEY, logger),
    },
  ]);
  readiness.add("nats", backbone.connected);
  logger.info({ grpcPort: grpc.port, healthPort: health.port, concurrency: config.PUSH_CONCURRENCY }, "notify ready");
  onShutdown(logger, [
    { name: "stop gRPC", run: () => grpc.stop() },
    { name: "stop issuing alerts", run: () => alerts.stop() },
    { name: "finish in-flight pushes", run: () => deliveries.stop() },
    { name: "drain NATS", run: () => backbone.nc.drain() },
    { name: "close push connections", run: async () => agent.destroy() },
    { name: "stop health", run: () => health.stop() },
  ]);
}

main().catch((err) => {
  createLogger("notify").fatal({ err }, "notify failed to start");
  process.exit(1);
});
