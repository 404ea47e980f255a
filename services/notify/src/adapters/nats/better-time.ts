import { Backbone, JetStreamClient, Logger, buckets, streams } from "@crisis/platform";
import { eventTypes } from "@crisis/platform/contracts";
import { BetterTimeDeps, WaitingWatches, announceFewerWaiting, announceReopening } from "../../app/announce-better-time";
import { WaitingWatch } from "../../domain/better-time";
import { consumeEvents } from "./consumers";
import { hexKeyedBucket } from "./hex-keyed-bucket";

/** Each counter's waiting watch in a KV bucket, one key per service. */
export async function kvWaitingWatches(js: JetStreamClient, replicas: number): Promise<WaitingWatches> {
  const bucket = await hexKeyedBucket(js, buckets.waitingWatches, replicas);
  return {
    async read(serviceId) {
      const watch = await bucket.get(serviceId);
      return watch === undefined ? undefined : (JSON.parse(watch) as WaitingWatch);
    },
    write: (serviceId, watch) => bucket.put(serviceId, JSON.stringify(watch)),
  };
}

/** Waiting figures against the N followed at each counter, and level changes that reopen a procedure. */
export function consumeBetterTimes(backbone: Backbone, deps: BetterTimeDeps, ackWaitMs: number, logger: Logger) {
  return Promise.all([
    consumeEvents(
      backbone,
      eventTypes.counterWaitingReported,
      { stream: streams.service.name, durable: "notify-fewer-waiting", ackWaitMs },
      async (report, ctx) => void (await announceFewerWaiting(deps, report, ctx.correlationId, ctx.logger)),
      logger,
    ),
    consumeEvents(
      backbone,
      eventTypes.serviceLevelChanged,
      { stream: streams.service.name, durable: "notify-reopenings", ackWaitMs },
      async (change, ctx) => void (await announceReopening(deps, change, ctx.correlationId, ctx.logger)),
      logger,
    ),
  ]);
}
