import { setTimeout as sleep } from "node:timers/promises";
import cron from "node-cron";
import { jetStreamPublisher, runService, streams, systemClock } from "@crisis/platform";
import { NotifyServiceService } from "@crisis/platform/contracts/notify_service";
import { notifyServer } from "./adapters/grpc/notify-server";
import { consumeTicketNotices } from "./adapters/nats/ticket-notices";
import {
  consumeAppliedPlaybooks,
  consumePushBatches,
  consumeScheduledRestrictions,
  consumeSingleChanges,
  consumeStaffNotices,
  consumeBookingNotices,
  followShelterCounts,
} from "./adapters/nats/consumers";
import { consumeCrowdingChanges, kvFullAlertLog } from "./adapters/nats/full-shelter-alerts";
import { consumeBetterTimes, kvWaitingWatches } from "./adapters/nats/better-time";
import { kvBatchProgress } from "./adapters/nats/batch-progress";
import { kvDeliveryReports } from "./adapters/nats/delivery-reports";
import { kvPendingChanges } from "./adapters/nats/pending-changes";
import { kvReminders } from "./adapters/nats/reminders";
import { sendDueReminders } from "./app/announce-scheduled";
import { flushChanges } from "./app/flush-changes";
import { ShelterCounts } from "./domain/shelter-counts";
import { jetStreamDeliveryQueue } from "./adapters/nats/notify-events";
import { kvSubscriptionStore } from "./adapters/nats/subscription-store";
import { inlineEncryptor, workerEncryptor } from "./adapters/webpush/encryption-pool";
import { poolingPushSender } from "./adapters/webpush/push-sender";
import { vapidAuthorizer } from "./adapters/webpush/vapid";
import { readConfig } from "./config";

runService({
  name: "notify",
  readConfig,
  ports: (c) => ({ grpc: c.NOTIFY_GRPC_PORT, health: c.NOTIFY_HEALTH_PORT }),
  streams: [streams.facility, streams.service, streams.staff, streams.counter, streams.alert, streams.shelter, streams.pushDelivery],
  wire: async (config, backbone, logger) => {
    const store = await kvSubscriptionStore(backbone.js, config.NATS_STREAM_REPLICAS, logger);
    const reports = await kvDeliveryReports(backbone.js, config.NATS_STREAM_REPLICAS);
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
      {
        store,
        sender,
        reports,
        progress: await kvBatchProgress(backbone.js, config.NATS_STREAM_REPLICAS),
        clock: systemClock,
        sleep: (ms) => sleep(ms),
      },
      { batches: config.PUSH_BATCHES_IN_FLIGHT, ackWaitMs: config.NOTIFY_ACK_WAIT_MS },
      logger,
    );
    // What every alert and notice is queued with: the subscriptions, the push queue and its reports.
    const pushing = { store, queue: jetStreamDeliveryQueue(backbone.js), reports, clock: systemClock, ttlSeconds: config.PUSH_TTL_SECONDS };
    const page = (path: string) => new URL(path, config.PUBLIC_BASE_URL).toString();
    const alerts = await consumeAppliedPlaybooks(
      backbone,
      { ...pushing, events: jetStreamPublisher(backbone.js), statusUrl: page("/status") },
      config.NOTIFY_ACK_WAIT_MS,
      logger,
    );
    const staffNotices = await consumeStaffNotices(backbone, { ...pushing, staffUrl: page("/staff") }, config.NOTIFY_ACK_WAIT_MS, logger);
    const bookingNotices = await consumeBookingNotices(
      backbone,
      { ...pushing, bookingUrl: page("/bookings") },
      config.NOTIFY_ACK_WAIT_MS,
      logger,
    );
    const ticketNotices = await consumeTicketNotices(
      backbone,
      { ...pushing, ticketUrl: page("/tickets") },
      config.NOTIFY_ACK_WAIT_MS,
      logger,
    );
    const counts = new ShelterCounts();
    const following = await followShelterCounts(backbone, counts);
    const coalesce = {
      ...pushing,
      pending: await kvPendingChanges(backbone.js, config.NATS_STREAM_REPLICAS),
      rule: { quietMs: config.ALERT_COALESCE_MS, longestMs: config.ALERT_COALESCE_LONGEST_MS },
      openIn: (ward: string) => counts.openIn(ward),
      baseUrl: config.PUBLIC_BASE_URL,
    };
    const changes = await consumeSingleChanges(backbone, coalesce, config.NOTIFY_ACK_WAIT_MS, logger);
    // Every instance looks; the alert id derived from the window keeps it to one alert.
    const flusher = cron.schedule(
      "*/5 * * * * *",
      () => flushChanges(coalesce, logger).catch((err) => logger.warn({ err }, "summing up changes failed; next tick retries")),
      { noOverlap: true, name: "flush changes" },
    );
    const advance = {
      ...pushing,
      reminders: await kvReminders(backbone.js, config.NATS_STREAM_REPLICAS),
      advanceMs: config.ADVANCE_NOTICE_MS,
      baseUrl: config.PUBLIC_BASE_URL,
    };
    const scheduled = await consumeScheduledRestrictions(backbone, advance, config.NOTIFY_ACK_WAIT_MS, logger);
    const reminder = cron.schedule(
      "*/30 * * * * *",
      () => sendDueReminders(advance, logger).catch((err) => logger.warn({ err }, "sending due reminders failed; next tick retries")),
      { noOverlap: true, name: "advance notices" },
    );
    const fullShelters = await consumeCrowdingChanges(
      backbone,
      {
        ...pushing,
        log: await kvFullAlertLog(backbone.js, config.NATS_STREAM_REPLICAS),
        minIntervalMs: config.FULL_SHELTER_ALERT_MIN_INTERVAL_MS,
        baseUrl: config.PUBLIC_BASE_URL,
      },
      config.NOTIFY_ACK_WAIT_MS,
      logger,
    );
    const betterTimes = await consumeBetterTimes(
      backbone,
      {
        ...pushing,
        watches: await kvWaitingWatches(backbone.js, config.NATS_STREAM_REPLICAS),
        margin: config.WAITING_ALERT_MARGIN,
        baseUrl: config.PUBLIC_BASE_URL,
      },
      config.NOTIFY_ACK_WAIT_MS,
      logger,
    );
    return {
      grpc: [
        {
          definition: NotifyServiceService,
          implementation: notifyServer(
            { store, reports, origins: config.PUSH_ALLOWED_ORIGINS, clock: systemClock },
            config.VAPID_PUBLIC_KEY,
            logger,
          ),
        },
      ],
      workers: [
        { name: "stop issuing alerts", stop: () => alerts.stop() },
        { name: "stop full-shelter alerts", stop: () => fullShelters.stop() },
        { name: "stop advance notices", stop: async () => void (await reminder.stop(), await scheduled.stop()) },
        {
          name: "stop summing up changes",
          stop: async () => void (await flusher.stop(), await Promise.all(changes.map((c) => c.stop())), await following.stop()),
        },
        { name: "stop staff notices", stop: async () => void (await Promise.all(staffNotices.map((c) => c.stop()))) },
        { name: "stop booking notices", stop: async () => void (await Promise.all(bookingNotices.map((c) => c.stop()))) },
        { name: "stop ticket notices", stop: async () => void (await Promise.all(ticketNotices.map((c) => c.stop()))) },
        { name: "stop better-time notices", stop: async () => void (await Promise.all(betterTimes.map((c) => c.stop()))) },
        { name: "finish in-flight pushes", stop: () => deliveries.stop() },
        { name: "stop watching subscriptions", stop: async () => store.stop() },
        { name: "close push connections", stop: () => sender.close() },
        { name: "stop encryption workers", stop: () => encryptor.stop() },
      ],
      facts: { concurrencyPerOrigin: config.PUSH_CONCURRENCY, batchesInFlight: config.PUSH_BATCHES_IN_FLIGHT },
    };
  },
});
