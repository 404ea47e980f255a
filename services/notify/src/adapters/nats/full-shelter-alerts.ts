import { Backbone, JetStreamClient, Logger, buckets, eventHandlerAttempts, openBucket, runEventConsumer, streams } from "@crisis/platform";
import { eventTypes } from "@crisis/platform/contracts";
import { FullAlertLog, FullShelterDeps, announceFullShelter } from "../../app/announce-full-shelter";

/** The last "full" alert per shelter in a KV bucket (facility ids hold ":", which keys may not: hex). */
export async function kvFullAlertLog(js: JetStreamClient, replicas: number): Promise<FullAlertLog> {
  const kv = await openBucket(js, buckets.fullShelters, replicas);
  const key = (id: string) => Buffer.from(id).toString("hex");
  return {
    async lastAt(facilityId) {
      const entry = await kv.get(key(facilityId));
      return entry && entry.operation === "PUT" ? new Date(Buffer.from(entry.value).toString()) : undefined;
    },
    async record(facilityId, at) {
      await kv.put(key(facilityId), at.toISOString());
    },
  };
}

/** Shelters that became full, told to their followers and their ward's. */
export function consumeCrowdingChanges(backbone: Backbone, deps: FullShelterDeps, ackWaitMs: number, logger: Logger) {
  return runEventConsumer(
    backbone,
    eventTypes.crowdingChanged,
    { stream: streams.shelter.name, durable: "notify-full-shelters", ackWaitMs, maxAttempts: eventHandlerAttempts },
    async (change, ctx) => void (await announceFullShelter(deps, change, ctx.correlationId, ctx.logger)),
    logger,
  );
}
