import { Collection, Db, Document, MongoClient, MongoServerError } from "mongodb";
import { EventPosition } from "./store";
import {
  AuditEntry,
  AuditPage,
  AuditQuery,
  auditCursor,
  AuditRepository,
  HistoryEntry,
  HistoryRepository,
  OperationsReadModels,
  Place,
  PlacesRepository,
} from "./read-models";

const duplicateKey = 11000;
const hidden = { _id: 0, seq: 0, location: 0 };

/** The indexes each collection needs, created when the read models open (idempotent). */
export const readModelIndexes: Record<string, { key: Record<string, 1 | -1 | "2dsphere"> }[]> = {
  audit: [
    { key: { t: 1, seq: 1 } },
    { key: { actor: 1, t: 1, seq: 1 } },
    { key: { approver: 1, t: 1, seq: 1 } },
    { key: { kind: 1, t: 1, seq: 1 } },
    { key: { facilityIds: 1, t: 1, seq: 1 } },
    { key: { seq: 1 } },
  ],
  facility_history: [{ key: { facilityId: 1, seq: 1 } }],
  places: [{ key: { location: "2dsphere" } }, { key: { status: 1 } }],
};

class Checkpoints {
  constructor(
    private readonly checkpoints: Collection<{ _id: string; seq: number }>,
    private readonly name: string,
  ) {}
  move(at: EventPosition) {
    return this.checkpoints.updateOne({ _id: this.name }, { $max: { seq: at.seq } }, { upsert: true });
  }
  async checkpoint() {
    return (await this.checkpoints.findOne({ _id: this.name }))?.seq ?? 0;
  }
}

/** Inserts once per event id: a second delivery of the same event finds its document and changes nothing. */
const insertOnce = (docs: Collection<Document>, id: string, doc: Document) =>
  docs.updateOne({ _id: id as unknown as Document["_id"] }, { $setOnInsert: doc }, { upsert: true });

class MongoAudit extends Checkpoints implements AuditRepository {
  constructor(
    db: Db,
    private readonly docs = db.collection("audit"),
  ) {
    super(db.collection("checkpoints"), "audit");
  }
  async add(entry: AuditEntry, at: EventPosition) {
    // `t` (ms) orders and ranges entries whatever the offset or precision `at` was written with.
    await insertOnce(this.docs, at.eventId, { ...entry, t: Date.parse(entry.at), seq: at.seq });
    await this.move(at);
  }
  async query(q: AuditQuery) {
    return (await this.page(q, 0)).entries;
  }
  async page(q: AuditQuery, limit: number, after?: string): Promise<AuditPage> {
    const and: Document[] = [];
    if (q.from) and.push({ t: { $gte: Date.parse(q.from) } });
    if (q.to) and.push({ t: { $lt: Date.parse(q.to) } });
    if (q.actor) and.push({ $or: [{ actor: q.actor }, { approver: q.actor }] });
    if (q.kind) and.push({ kind: q.kind });
    if (q.facility) and.push({ facilityIds: q.facility });
    const cursor = after ? auditCursor.parse(after) : undefined;
    if (cursor) and.push({ $or: [{ t: { $gt: cursor.t } }, { t: cursor.t, seq: { $gt: cursor.seq } }] });
    // limit 0: every match (Mongo's own meaning of no limit).
    const found = (await this.docs
      .find(and.length ? { $and: and } : {}, {
        projection: { _id: 0, location: 0 },
        sort: { t: 1, seq: 1 },
        limit: limit > 0 ? limit + 1 : 0,
      })
      .toArray()) as unknown as (AuditEntry & { t: number; seq: number })[];
    const more = limit > 0 && found.length > limit;
    const entries = more ? found.slice(0, limit) : found;
    const last = entries.at(-1);
    return {
      entries: entries.map(({ t: _t, seq: _seq, ...entry }) => entry),
      next: more && last ? auditCursor.of(last.t, last.seq) : null,
    };
  }
  async forgetBefore(firstSeq: number) {
    await this.docs.deleteMany({ seq: { $lt: firstSeq } });
  }
}

class MongoHistory extends Checkpoints implements HistoryRepository {
  constructor(
    db: Db,
    private readonly docs = db.collection("facility_history"),
  ) {
    super(db.collection("checkpoints"), "facility_history");
  }
  async add(entry: HistoryEntry, at: EventPosition) {
    await insertOnce(this.docs, at.eventId, { ...entry, seq: at.seq });
    await this.move(at);
  }
  async of(facilityId: string) {
    return (await this.docs.find({ facilityId }, { projection: hidden, sort: { seq: 1 } }).toArray()) as unknown as HistoryEntry[];
  }
}

class MongoPlaces extends Checkpoints implements PlacesRepository {
  constructor(
    db: Db,
    private readonly docs = db.collection("places"),
  ) {
    super(db.collection("checkpoints"), "places");
  }
  async put(place: Place, at: EventPosition) {
    const location = { type: "Point", coordinates: [place.longitude, place.latitude] };
    try {
      // Only if older: when the document holds this event or a later one, the upsert's insert collides on _id.
      await this.docs.updateOne(
        { _id: place.facilityId as unknown as Document["_id"], $or: [{ seq: { $lt: at.seq } }, { seq: { $exists: false } }] },
        { $set: { ...place, location, seq: at.seq } },
        { upsert: true },
      );
    } catch (err) {
      if (!(err instanceof MongoServerError && err.code === duplicateKey)) throw err;
    }
    await this.move(at);
  }
  async near(latitude: number, longitude: number, radiusM: number, status?: string) {
    const found = await this.docs
      .aggregate([
        {
          $geoNear: {
            near: { type: "Point", coordinates: [longitude, latitude] },
            distanceField: "distanceM",
            maxDistance: radiusM,
            spherical: true,
            query: status ? { status } : {},
          },
        },
        { $project: hidden },
      ])
      .toArray();
    return found as (Place & { distanceM: number })[];
  }
}

/** The read models in MongoDB (the database named in the URL), with their indexes. */
export async function mongoReadModels(url: string): Promise<OperationsReadModels> {
  const client = await MongoClient.connect(url);
  const db = client.db();
  for (const [collection, indexes] of Object.entries(readModelIndexes)) await db.collection(collection).createIndexes(indexes);
  return { audit: new MongoAudit(db), history: new MongoHistory(db), places: new MongoPlaces(db), close: () => client.close() };
}
