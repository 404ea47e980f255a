import { Collection, Document, MongoClient, MongoServerError } from "mongodb";
import { EventPosition, ProjectionIndex, ProjectionStore } from "./store";

type Stored = Document & { _id: string; _seq: number; _eventId: string };

const duplicateKey = 11000;

/**
 * A read model in MongoDB: one collection per projection, the document's key as `_id`, the event
 * that last wrote it in `_eventId`/`_seq`, and the projection's checkpoint in `checkpoints`. The
 * conditional upsert ("only if older") makes replays and redeliveries harmless: when the document
 * already holds this event or a later one, the upsert's insert collides on `_id` and nothing changes.
 */
export class MongoProjectionStore<T extends object> implements ProjectionStore<T> {
  private constructor(
    private readonly client: MongoClient,
    private readonly docs: Collection<Stored>,
    private readonly checkpoints: Collection<{ _id: string; seq: number }>,
    private readonly name: string,
  ) {}

  static async open<T extends object>(url: string, name: string, indexes: ProjectionIndex[] = []): Promise<MongoProjectionStore<T>> {
    const client = await MongoClient.connect(url);
    const db = client.db();
    const docs = db.collection<Stored>(name);
    for (const index of indexes) await docs.createIndex(index.fields, { unique: index.unique ?? false });
    return new MongoProjectionStore<T>(client, docs, db.collection("checkpoints"), name);
  }

  async upsert(key: string, doc: T, at: EventPosition): Promise<boolean> {
    await this.checkpoints.updateOne({ _id: this.name }, { $max: { seq: at.seq } }, { upsert: true });
    try {
      const result = await this.docs.updateOne(
        { _id: key, $or: [{ _seq: { $lt: at.seq } }, { _seq: { $exists: false } }] },
        { $set: { ...doc, _seq: at.seq, _eventId: at.eventId } },
        { upsert: true },
      );
      return result.modifiedCount + result.upsertedCount > 0;
    } catch (err) {
      if (err instanceof MongoServerError && err.code === duplicateKey) return false;
      throw err;
    }
  }

  async get(key: string): Promise<T | undefined> {
    const found = await this.docs.findOne({ _id: key }, { projection: { _id: 0, _seq: 0, _eventId: 0 } });
    return (found ?? undefined) as T | undefined;
  }

  async find(where: Partial<T>): Promise<T[]> {
    return (await this.docs.find(where as Document, { projection: { _id: 0, _seq: 0, _eventId: 0 } }).toArray()) as unknown as T[];
  }

  async checkpoint(): Promise<number> {
    return (await this.checkpoints.findOne({ _id: this.name }))?.seq ?? 0;
  }

  close(): Promise<void> {
    return this.client.close();
  }
}
