import { KV, KvEntry } from "nats";

/** The entry when it holds a value; a deleted or purged key reads as absent. */
export const live = (entry: KvEntry | null) => (entry && entry.operation === "PUT" ? entry : undefined);

/** JetStream's answer when the key's last revision is not the one named (someone wrote in between). */
export const lostRace = (err: unknown) => (err as { api_error?: { err_code?: number } })?.api_error?.err_code === 10071;

/** The keys under `<prefix>.`, without the prefix. */
export async function keysUnder(kv: KV, prefix: string): Promise<string[]> {
  const found: string[] = [];
  for await (const key of await kv.keys(`${prefix}.>`)) found.push(key.slice(prefix.length + 1));
  return found;
}
