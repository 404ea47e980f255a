import { EventPosition, ProjectionStore } from "./store";

/** The in-memory store: what the services use without MONGODB_URL, and the contract's reference. */
export class MemoryProjectionStore<T extends object> implements ProjectionStore<T> {
  private readonly docs = new Map<string, { doc: T; at: EventPosition }>();
  private highest = 0;

  async upsert(key: string, doc: T, at: EventPosition): Promise<boolean> {
    this.highest = Math.max(this.highest, at.seq);
    const held = this.docs.get(key);
    if (held && held.at.seq >= at.seq) return false;
    this.docs.set(key, { doc: structuredClone(doc), at });
    return true;
  }

  async get(key: string): Promise<T | undefined> {
    const held = this.docs.get(key);
    return held && structuredClone(held.doc);
  }

  async find(where: Partial<T>): Promise<T[]> {
    const wanted = Object.entries(where);
    return [...this.docs.values()]
      .map((h) => h.doc)
      .filter((doc) => wanted.every(([k, v]) => (doc as Record<string, unknown>)[k] === v))
      .map((doc) => structuredClone(doc));
  }

  async checkpoint(): Promise<number> {
    return this.highest;
  }

  async close(): Promise<void> {}
}
