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
  kind: string;
  why: string;
  correlationId: string;
  facilityIds: string[];
  approver: string;
}

export interface AuditQuery {
  from?: string;
  to?: string;
  actor?: string;
  kind?: string;
  facility?: string;
}

export interface AuditRepository {
  add(entry: AuditEntry, at: EventPosition): Promise<void>;
  /** Oldest first. */
  query(q: AuditQuery): Promise<AuditEntry[]>;
  checkpoint(): Promise<number>;
}

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

class MemoryAudit extends Checkpoint implements AuditRepository {
  private readonly entries = new Map<string, { entry: AuditEntry; seq: number }>();
  async add(entry: AuditEntry, at: EventPosition) {
    this.move(at);
    if (!this.entries.has(at.eventId)) this.entries.set(at.eventId, { entry: structuredClone(entry), seq: at.seq });
  }
  async query(q: AuditQuery) {
    return [...this.entries.values()]
      .filter(({ entry: e }) => matchesAudit(e, q))
      .sort((a, b) => a.entry.at.localeCompare(b.entry.at) || a.seq - b.seq)
      .map(({ entry }) => structuredClone(entry));
  }
}

/** The audit filter as both stores apply it: times inclusive, every given field equal. */
export function matchesAudit(e: AuditEntry, q: AuditQuery): boolean {
  return (
    (!q.from || e.at >= q.from) &&
    (!q.to || e.at <= q.to) &&
    (!q.actor || e.actor === q.actor) &&
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
