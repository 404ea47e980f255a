import { Backbone, JetStreamClient, Logger, buckets, openBucket, streams } from "@crisis/platform";
import { eventTypes } from "@crisis/platform/contracts";
import { BetterTimeDeps, WaitingWatches, announceFewerWaiting, announceReopening } from "../../app/announce-better-time";
import { WaitingWatch } from "../../domain/better-time";
import { consumeEvents } from "./consumers";

/** Each counter's waiting watch in a KV bucket, one key per service (ids may hold characters keys may not: hex). */
export async function kvWaitingWatches(js: JetStreamClient, replicas: number): Promise<WaitingWatches> {
  const kv = await openBucket(js, buckets.waitingWatches, replicas);
  const key = (id: string) => Buffer.from(id).toString("hex");
  return {
    async read(serviceId) {
      const entry = await kv.get(key(serviceId));
      return entry && entry.operation === "PUT" ? (JSON.parse(Buffer.from(entry.value).toString()) as WaitingWatch) : undefined;
    },
    async write(serviceId, watch) {
      await kv.put(key(serviceId), JSON.stringify(watch));
    },
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
