import { distanceM } from "../contracts/distance";
import { EventPosition } from "./store";

/**
 * The read models operators query ad hoc: the audit trail, each facility's history and the
 * facilities near a point. One repository interface each, kept in memory or in MongoDB (chosen by
 * MONGODB_URL); every write carries the event's id and stream sequence, so a replay or a
 * redelivery never doubles an entry, and the highest sequence applied is where a rebuild resumes.
 */

export interface AuditEntry {
  eventId: string;
  /** RFC 3339, UTC. */
  at: string;
  actor: string;
  actorRoles: string[];
  kind: string;
  /** The change itself, as JSON. */
  what: string;
  why: string;
  correlationId: string;
  /** The preview shown before the change, as JSON; empty when none was shown. */
  preview: string;
  facilityIds: string[];
  approver: string;
  method: string;
  path: string;
  status: number;
}

export interface AuditQuery {
  /** RFC 3339; inclusive. */
  from?: string;
  /** RFC 3339; exclusive. */
  to?: string;
  /** The one who acted or the one who approved. */
  actor?: string;
  kind?: string;
  facility?: string;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** Where the next page starts (pass as `after`); null on the last page. */
  next: string | null;
}

export interface AuditRepository {
  add(entry: AuditEntry, at: EventPosition): Promise<void>;
  /** Every match, oldest first. */
  query(q: AuditQuery): Promise<AuditEntry[]>;
  /** Up to `limit` matches, oldest first, after the cursor `after` (a page's `next`). */
  page(q: AuditQuery, limit: number, after?: string): Promise<AuditPage>;
  /** Forgets entries of stream sequences below `firstSeq` (the stream no longer holds them). */
  forgetBefore(firstSeq: number): Promise<void>;
  checkpoint(): Promise<number>;
}

/** A page cursor: the last entry's time (ms) and stream sequence, the order entries are kept in. */
export const auditCursor = {
  of: (t: number, seq: number) => `${t}-${seq}`,
  parse(cursor: string): { t: number; seq: number } | undefined {
    const m = /^(\d{1,15})-(\d{1,15})$/.exec(cursor);
    return m ? { t: Number(m[1]), seq: Number(m[2]) } : undefined;
  },
};

export interface HistoryEntry {
  eventId: string;
  facilityId: string;
  changedAt: string;
  status: string;
  previousStatus: string;
  reason: string;
  causeEventId: string;
}

export interface HistoryRepository {
  add(entry: HistoryEntry, at: EventPosition): Promise<void>;
  /** One facility's changes, in stream order. */
  of(facilityId: string): Promise<HistoryEntry[]>;
  checkpoint(): Promise<number>;
}

export interface Place {
  facilityId: string;
  name: string;
  ward: string;
  category: string;
  status: string;
  latitude: number;
  longitude: number;
}

export interface PlacesRepository {
  /** The facility as its latest event shows it; an older event never overwrites a newer one. */
  put(place: Place, at: EventPosition): Promise<void>;
  /** Within `radiusM` of the point, nearest first, optionally of one status. */
  near(latitude: number, longitude: number, radiusM: number, status?: string): Promise<(Place & { distanceM: number })[]>;
  checkpoint(): Promise<number>;
}

export interface OperationsReadModels {
  audit: AuditRepository;
  history: HistoryRepository;
  places: PlacesRepository;
  close(): Promise<void>;
}

/** Keeps the highest stream sequence applied. */
class Checkpoint {
  private seq = 0;
  move(at: EventPosition) {
    this.seq = Math.max(this.seq, at.seq);
  }
  async checkpoint() {
    return this.seq;
  }
}

interface AuditRow {
  t: number;
  seq: number;
  entry: AuditEntry;
}
const before = (a: AuditRow, t: number, seq: number) => a.t < t || (a.t === t && a.seq < seq);

/** The first index of `rows` at or after (t, seq). */
function lowerBound(rows: readonly AuditRow[], t: number, seq: number) {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(rows[mid], t, seq)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Entries kept in (time, sequence) order, with one list per actor (and approver), kind and facility,
 * so a filtered page reads from the narrowest list, starting where the range or the cursor does,
 * instead of sorting or scanning the whole trail.
 */
class MemoryAudit extends Checkpoint implements AuditRepository {
  private rows: AuditRow[] = [];
  private readonly ids = new Set<string>();
  private readonly by = {
    actor: new Map<string, AuditRow[]>(),
    kind: new Map<string, AuditRow[]>(),
    facility: new Map<string, AuditRow[]>(),
  };

  async add(entry: AuditEntry, at: EventPosition) {
    this.move(at);
    if (this.ids.has(at.eventId)) return;
    this.ids.add(at.eventId);
    const row = { t: Date.parse(entry.at), seq: at.seq, entry: structuredClone(entry) };
    insertRow(this.rows, row);
    const index = (map: Map<string, AuditRow[]>, key: string) => {
      const list = map.get(key);
      if (list) insertRow(list, row);
      else map.set(key, [row]);
    };
    for (const who of new Set([entry.actor, entry.approver].filter(Boolean))) index(this.by.actor, who);
    index(this.by.kind, entry.kind);
    for (const facility of new Set(entry.facilityIds)) index(this.by.facility, facility);
  }

  async query(q: AuditQuery) {
    return (await this.page(q, Infinity)).entries;
  }

  async page(q: AuditQuery, limit: number, after?: string): Promise<AuditPage> {
    const lists = [
      q.actor === undefined ? undefined : (this.by.actor.get(q.actor) ?? []),
      q.kind === undefined ? undefined : (this.by.kind.get(q.kind) ?? []),
      q.facility === undefined ? undefined : (this.by.facility.get(q.facility) ?? []),
    ].filter((l) => l !== undefined);
    const rows = lists.reduce((a, b) => (b.length < a.length ? b : a), this.rows);
    const from = q.from ? Date.parse(q.from) : -Infinity;
    const to = q.to ? Date.parse(q.to) : Infinity;
    const cursor = after ? auditCursor.parse(after) : undefined;
    let i = lowerBound(rows, from, 0);
    if (cursor) i = Math.max(i, lowerBound(rows, cursor.t, cursor.seq + 1));
    const found: AuditRow[] = [];
    for (; i < rows.length && rows[i].t < to; i++) {
      // The range is the loop's bounds; the other filters are checked here (the narrowest list holds one already).
      if (!matchesWho(rows[i].entry, q)) continue;
      if (found.length === limit) return { entries: found.map((r) => structuredClone(r.entry)), next: cursorOf(found.at(-1)) };
      found.push(rows[i]);
    }
    return { entries: found.map((r) => structuredClone(r.entry)), next: null };
  }

  async forgetBefore(firstSeq: number) {
    const gone = this.rows.filter((r) => r.seq < firstSeq);
    if (gone.length === 0) return;
    for (const r of gone) this.ids.delete(r.entry.eventId);
    const keep = (list: AuditRow[]) => list.filter((r) => r.seq >= firstSeq);
    this.rows = keep(this.rows);
    for (const map of Object.values(this.by))
      for (const [key, list] of map) {
        const kept = keep(list);
        if (kept.length) map.set(key, kept);
        else map.delete(key);
      }
  }
}

const cursorOf = (row: AuditRow | undefined) => (row ? auditCursor.of(row.t, row.seq) : null);

/** Inserts keeping (time, sequence) order; entries come nearly in order, so this is an append almost always. */
function insertRow(rows: AuditRow[], row: AuditRow) {
  let i = rows.length;
  while (i > 0 && !before(rows[i - 1], row.t, row.seq)) i--;
  rows.splice(i, 0, row);
}

/** The audit filter but its range: the actor who acted or approved, the kind, a facility concerned. */
function matchesWho(e: AuditEntry, q: AuditQuery): boolean {
  return (
    (!q.actor || e.actor === q.actor || e.approver === q.actor) &&
    (!q.kind || e.kind === q.kind) &&
    (!q.facility || e.facilityIds.includes(q.facility))
  );
}

class MemoryHistory extends Checkpoint implements HistoryRepository {
  private readonly entries = new Map<string, { entry: HistoryEntry; seq: number }>();
  async add(entry: HistoryEntry, at: EventPosition) {
    this.move(at);
    if (!this.entries.has(at.eventId)) this.entries.set(at.eventId, { entry: structuredClone(entry), seq: at.seq });
  }
  async of(facilityId: string) {
    return [...this.entries.values()]
      .filter(({ entry }) => entry.facilityId === facilityId)
      .sort((a, b) => a.seq - b.seq)
      .map(({ entry }) => structuredClone(entry));
  }
}

class MemoryPlaces extends Checkpoint implements PlacesRepository {
  private readonly places = new Map<string, { place: Place; seq: number }>();
  async put(place: Place, at: EventPosition) {
    this.move(at);
    const held = this.places.get(place.facilityId);
    if (!held || held.seq < at.seq) this.places.set(place.facilityId, { place: structuredClone(place), seq: at.seq });
  }
  async near(latitude: number, longitude: number, radiusM: number, status?: string) {
    return [...this.places.values()]
      .map(({ place }) => ({ ...structuredClone(place), distanceM: distanceM(latitude, longitude, place.latitude, place.longitude) }))
      .filter((p) => p.distanceM <= radiusM && (!status || p.status === status))
      .sort((a, b) => a.distanceM - b.distanceM);
  }
}

/** The in-memory read models: the contract's reference, and what runs without MONGODB_URL. */
export function memoryReadModels(): OperationsReadModels {
  return { audit: new MemoryAudit(), history: new MemoryHistory(), places: new MemoryPlaces(), close: async () => undefined };
}
