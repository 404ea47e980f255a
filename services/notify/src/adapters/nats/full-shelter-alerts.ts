import { Backbone, JetStreamClient, Logger, buckets, eventHandlerAttempts, runEventConsumer, streams } from "@crisis/platform";
import { eventTypes } from "@crisis/platform/contracts";
import { FullAlertLog, FullShelterDeps, announceFullShelter } from "../../app/announce-full-shelter";
import { hexKeyedBucket } from "./hex-keyed-bucket";

/** The last "full" alert per shelter in a KV bucket. */
export async function kvFullAlertLog(js: JetStreamClient, replicas: number): Promise<FullAlertLog> {
  const bucket = await hexKeyedBucket(js, buckets.fullShelters, replicas);
  return {
    async lastAt(facilityId) {
      const at = await bucket.get(facilityId);
      return at === undefined ? undefined : new Date(at);
    },
    record: (facilityId, at) => bucket.put(facilityId, at.toISOString()),
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
