import { JetStreamManager } from "nats";
import { isNotFound } from "../jetstream/streams";
import { StateEntry, streamNameOf } from "./register";

/** The streams (`KV_<bucket>` for buckets) of `entries` that the server does not have. */
export async function missingState(jsm: JetStreamManager, entries: StateEntry[]): Promise<string[]> {
  const missing: string[] = [];
  for (const entry of entries) {
    await jsm.streams.info(streamNameOf(entry)).catch((err) => {
      if (!isNotFound(err)) throw err;
      missing.push(streamNameOf(entry));
    });
  }
  return missing;
}
