import { Collection, Db, Document, MongoClient, MongoServerError } from "mongodb";
import { EventPosition } from "./store";
import {
  AuditEntry,
  AuditQuery,
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
  audit: [{ key: { at: 1 } }, { key: { actor: 1, at: 1 } }, { key: { kind: 1, at: 1 } }, { key: { facilityIds: 1, at: 1 } }],
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
    await insertOnce(this.docs, at.eventId, { ...entry, seq: at.seq });
    await this.move(at);
  }
  async query(q: AuditQuery) {
    const where: Document = {};
    if (q.from || q.to) where.at = { ...(q.from && { $gte: q.from }), ...(q.to && { $lte: q.to }) };
    if (q.actor) where.actor = q.actor;
    if (q.kind) where.kind = q.kind;
    if (q.facility) where.facilityIds = q.facility;
    return (await this.docs.find(where, { projection: hidden, sort: { at: 1, seq: 1 } }).toArray()) as unknown as AuditEntry[];
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
