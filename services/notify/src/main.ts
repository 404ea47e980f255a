import { setTimeout as sleep } from "node:timers/promises";
import { runService, streams, systemClock } from "@crisis/platform";
import { NotifyServiceService } from "@crisis/platform/contracts/notify_service";
import { notifyServer } from "./adapters/grpc/notify-server";
import { consumeAppliedPlaybooks, consumePushBatches, consumeStaffNotices } from "./adapters/nats/consumers";
import { jetStreamAlertEvents, jetStreamDeliveryQueue } from "./adapters/nats/notify-events";
import { pushDeliveryStream } from "./adapters/nats/push-queue";
import { kvSubscriptionStore } from "./adapters/nats/subscription-store";
import { inlineEncryptor, workerEncryptor } from "./adapters/webpush/encryption-pool";
import { poolingPushSender } from "./adapters/webpush/push-sender";
import { vapidAuthorizer } from "./adapters/webpush/vapid";
import { readConfig } from "./config";

runService({
  name: "notify",
  readConfig,
  ports: (c) => ({ grpc: c.NOTIFY_GRPC_PORT, health: c.NOTIFY_HEALTH_PORT }),
  streams: [streams.facility, streams.staff, streams.alert, pushDeliveryStream],
  wire: async (config, backbone, logger) => {
    const store = await kvSubscriptionStore(backbone.js, config.NATS_STREAM_REPLICAS, logger);
    const encryptor = config.PUSH_ENCRYPTION_WORKERS > 0 ? workerEncryptor(config.PUSH_ENCRYPTION_WORKERS) : inlineEncryptor;
    const sender = poolingPushSender({
      encryptor,
      authorization: vapidAuthorizer(
        { subject: config.VAPID_SUBJECT, publicKey: config.VAPID_PUBLIC_KEY, privateKey: config.VAPID_PRIVATE_KEY },
        systemClock,
      ),
      concurrencyPerOrigin: config.PUSH_CONCURRENCY,
      timeoutMs: config.PUSH_TIMEOUT_MS,
    });
    const deliveries = await consumePushBatches(
      backbone,
      { store, sender, clock: systemClock, sleep: (ms) => sleep(ms) },
      { batches: config.PUSH_BATCHES_IN_FLIGHT, ackWaitMs: config.NOTIFY_ACK_WAIT_MS },
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
        ttlSeconds: config.PUSH_TTL_SECONDS,
      },
      config.NOTIFY_ACK_WAIT_MS,
      logger,
    );
    const staffNotices = await consumeStaffNotices(
      backbone,
      {
        store,
        queue: jetStreamDeliveryQueue(backbone.js),
        clock: systemClock,
        staffUrl: new URL("/staff", config.PUBLIC_BASE_URL).toString(),
        ttlSeconds: config.PUSH_TTL_SECONDS,
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
        { name: "stop staff notices", stop: async () => void (await Promise.all(staffNotices.map((c) => c.stop()))) },
        { name: "finish in-flight pushes", stop: () => deliveries.stop() },
        { name: "stop watching subscriptions", stop: async () => store.stop() },
        { name: "close push connections", stop: () => sender.close() },
        { name: "stop encryption workers", stop: () => encryptor.stop() },
      ],
      facts: { concurrencyPerOrigin: config.PUSH_CONCURRENCY, batchesInFlight: config.PUSH_BATCHES_IN_FLIGHT },
    };
  },
});
