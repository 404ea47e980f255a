import { Agent } from "node:https";
import { runService, streams, systemClock } from "@crisis/platform";
import { NotifyServiceService } from "@crisis/platform/contracts/notify_service";
import { notifyServer } from "./adapters/grpc/notify-server";
import { consumeAppliedPlaybooks, consumePushDeliveries } from "./adapters/nats/consumers";
import { jetStreamAlertEvents, jetStreamDeliveryQueue } from "./adapters/nats/notify-events";
import { pushDeliveryStream } from "./adapters/nats/push-queue";
import { kvSubscriptionStore } from "./adapters/nats/subscription-store";
import { webPushSender } from "./adapters/webpush/web-push-sender";
import { readConfig } from "./config";

runService({
  name: "notify",
  readConfig,
  ports: (c) => ({ grpc: c.NOTIFY_GRPC_PORT, health: c.NOTIFY_HEALTH_PORT }),
  streams: [streams.facility, streams.alert, pushDeliveryStream],
  wire: async (config, backbone, logger) => {
    const store = await kvSubscriptionStore(backbone.js, config.NATS_STREAM_REPLICAS, logger);
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
    return {
      grpc: [
        {
          definition: NotifyServiceService,
          implementation: notifyServer(
            { store, origins: config.PUSH_ALLOWED_ORIGINS, clock: systemClock },
            config.VAPID_PUBLIC_KEY,
            logger,
          ),
        },
      ],
      workers: [
        { name: "stop issuing alerts", stop: () => alerts.stop() },
        { name: "stop watching subscriptions", stop: async () => store.stop() },
        { name: "finish in-flight pushes", stop: () => deliveries.stop() },
        { name: "close push connections", stop: async () => agent.destroy() },
      ],
      facts: { concurrency: config.PUSH_CONCURRENCY },
    };
  },
});
