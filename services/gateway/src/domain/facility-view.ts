import {
  ChangeSource,
  FacilityReading,
  LevelName,
  cityIso,
  isWard,
  levelNames,
  readFacilityState,
  shelterName,
  serviceLevelName,
  statusName,
  useName,
} from "@crisis/platform/contracts";
import { CounterService, Facility, HistoryEntry, Restriction } from "@crisis/platform/contracts/facilities";

/** Times are stored in UTC and shown in the city's time, with its offset. */
export function toCityTime(iso: string): string | null {
  if (!iso) return null;
  return cityIso(Date.parse(iso));
}

const sourceWord = (s: ChangeSource) =>
  ({
    [ChangeSource.CHANGE_SOURCE_PLAYBOOK]: "playbook",
    [ChangeSource.CHANGE_SOURCE_MANUAL]: "manual",
    [ChangeSource.CHANGE_SOURCE_SCHEDULE]: "schedule",
  })[s as 1 | 2 | 3] ?? null;

export const restrictionView = (r: Restriction) => ({
  id: r.id,
  kind: useName(r.kind) ?? "unknown",
  reason: r.reason,
  source: sourceWord(r.source),
  author: r.author,
  startsAt: toCityTime(r.startsAt),
  endsAt: toCityTime(r.endsAt),
  endedAt: toCityTime(r.endedAt),
  endedBy: r.endedBy || null,
  hours: r.hours || null,
  capacity: r.capacity || null,
  parts: r.parts,
});

const historyView = (h: HistoryEntry) => ({ at: toCityTime(h.at), what: h.what, by: h.by, reason: h.reason, source: sourceWord(h.source) });

/** The mode's reach, in the API's words (modeView): its level and the wards it names (none: every ward). */
export interface ModeScope {
  level: string;
  wards: readonly string[];
}

/** The mode as far as it reaches one ward: a declaration for other wards leaves this one in normal operations. */
export function levelAt(mode: ModeScope, ward: string): LevelName {
  const level = (levelNames as readonly string[]).includes(mode.level) ? (mode.level as LevelName) : "normal";
  return mode.wards.length === 0 || !isWard(ward) || mode.wards.includes(ward) ? level : "normal";
}

/** The one reading of a facility (as facilities lists it) under the mode now in force. */
export const facilityReading = (f: Facility, mode: ModeScope): FacilityReading =>
  readFacilityState(
    {
      designatedShelter: f.designatedShelter,
      use: useName(f.use) ?? null,
      shelter: f.canShelter ? (shelterName(f.shelter) ?? null) : null,
      status: statusName(f.status) ?? null,
      reasons: f.reasons.length ? f.reasons : f.statusReason ? [f.statusReason] : [],
      since: toCityTime(f.statusSince),
    },
    levelAt(mode, f.ward),
  );

/** A facility as the API shows it: words, not enum numbers; Tokyo times; its reading under `mode`. */
export function facilityView(f: Facility, mode: ModeScope, detail = false) {
  return {
    id: f.id,
    name: f.name,
    nameEn: f.nameEn || null,
    category: f.category,
    ward: f.ward,
    address: f.address,
    latitude: f.latitude || null,
    longitude: f.longitude || null,
    hours: f.hours || null,
    capacity: f.capacity ?? null,
    designatedShelter: f.designatedShelter,
    canShelter: f.canShelter,
    ids: { portal: f.portalId || null, gsi: f.gsiId || null, city: f.cityId || null },
    use: useName(f.use) ?? "unknown",
    shelter: f.canShelter ? (shelterName(f.shelter) ?? "unknown") : null,
    status: statusName(f.status) ?? "unknown",
    reasons: f.reasons,
    statusSince: toCityTime(f.statusSince),
    reading: facilityReading(f, mode),
    ...(detail ? { restrictions: f.restrictions.map(restrictionView), history: f.history.map(historyView) } : {}),
  };
}

export const serviceView = (s: CounterService) => ({
  id: s.id,
  name: s.name,
  nameEn: s.nameEn,
  channels: s.channels.map((c) => ({
    channel: c.channel,
    level: serviceLevelName(c.level) ?? "unknown",
    reason: c.reason || null,
    startsAt: toCityTime(c.startsAt),
    endsAt: toCityTime(c.endsAt),
    source: sourceWord(c.source),
  })),
});
