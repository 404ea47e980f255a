import { gunzipSync, gzipSync } from "node:zlib";
import { type JetStreamClient, buckets, openBucket } from "@crisis/platform";
import type { ProposedPlan } from "../../app/plan-book";
import type { KeptPlans, PlanStore } from "../../app/ports";

const KEY = "in-force";

/** JSON keeps dates as strings: the plan's times come back as Dates. */
function revive(kept: KeptPlans): KeptPlans {
  const plan = kept.inForce;
  if (!plan) return kept;
  const inForce: ProposedPlan = {
    ...plan,
    proposedAt: new Date(plan.proposedAt),
    // Kept before plans named their shifts.
    inputs: { ...plan.inputs, shifts: plan.inputs.shifts ?? [] },
    posts: plan.posts.map((p) => ({ ...p, start: new Date(p.start), end: new Date(p.end) })),
  };
  return { ...kept, inForce };
}

/**
 * The plan in force under one fixed key of a KV bucket (file storage, kept across restarts). Only
 * the instance holding the lease writes, so a plain put is enough. Gzipped: a city's plan repeats
 * the same words in every explanation and would otherwise pass the server's message size.
 */
export async function kvPlanStore(js: JetStreamClient, replicas: number): Promise<PlanStore> {
  const kv = await openBucket(js, buckets.staffingPlans, replicas);
  return {
    async load() {
      const entry = await kv.get(KEY);
      if (!entry || entry.operation !== "PUT") return undefined;
      return revive(JSON.parse(gunzipSync(entry.value).toString("utf8")) as KeptPlans);
    },
    async save(kept) {
      await kv.put(KEY, gzipSync(JSON.stringify(kept)));
    },
  };
}
