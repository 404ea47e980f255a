import { buckets, openBucket, type JetStreamClient } from "@crisis/platform";
import type { TeamStore } from "../../app/ports";
import type { DepartmentRota } from "../../domain";

/**
 * Each department's continuity teams, rota and teams out under the department's id in a KV
 * bucket (file storage, kept across restarts and a standby taking over). Only the instance
 * holding the lease writes, so a plain put is enough.
 */
export async function kvTeamStore(js: JetStreamClient, replicas: number): Promise<TeamStore> {
  const kv = await openBucket(js, buckets.staffingTeams, replicas);
  return {
    async get(department) {
      const entry = await kv.get(department);
      if (!entry || entry.operation !== "PUT") return undefined;
      return JSON.parse(entry.string()) as DepartmentRota;
    },
    async put(rota) {
      await kv.put(rota.split.department, JSON.stringify(rota));
    },
    async all() {
      const keys: string[] = [];
      for await (const key of await kv.keys()) keys.push(key);
      const rotas: DepartmentRota[] = [];
      for (const key of keys) {
        const entry = await kv.get(key);
        if (entry?.operation === "PUT") rotas.push(JSON.parse(entry.string()) as DepartmentRota);
      }
      return rotas;
    },
  };
}
