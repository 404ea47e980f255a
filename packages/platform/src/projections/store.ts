/** Where an event's effect on a read model came from: replay and redelivery carry the same pair. */
export interface EventPosition {
  eventId: string;
  /** The event's stream sequence: the checkpoint a rebuild resumes after. */
  seq: number;
}

/** An index a read model needs, declared next to it in code and created when the store opens. */
export interface ProjectionIndex {
  fields: Record<string, 1 | -1 | "2dsphere">;
  unique?: boolean;
}

/**
 * A read model's documents, one per key. A write carries the event that caused it and is applied
 * only if that event is newer than the one the document holds, so replaying a stream, or an event
 * delivered twice, never doubles or rolls back an effect.
 */
export interface ProjectionStore<T extends object> {
  /** True when applied; false when the document already reflects this event or a later one. */
  upsert(key: string, doc: T, at: EventPosition): Promise<boolean>;
  get(key: string): Promise<T | undefined>;
  /** Documents whose fields equal the given values. */
  find(where: Partial<T>): Promise<T[]>;
  /** The highest stream sequence applied (0 for none): where a rebuild resumes. */
  checkpoint(): Promise<number>;
  close(): Promise<void>;
}
