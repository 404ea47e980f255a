import {
  FacilityReading,
  Mode,
  ModeLevel,
  Words,
  incidentWord,
  levelWord,
  readFacilityState,
  serviceLevelName,
  serviceLevelTerms,
  shelterName,
  statusName,
  StateKey,
  stateTerms,
  useName,
  glossary,
  say,
  wardWord,
  wards,
} from "@crisis/platform/contracts";
import { FacilityCorrected, FacilityStatusChanged, ModeChanged, ServiceLevelChanged } from "@crisis/platform/contracts/events";
import { Facility } from "@crisis/platform/contracts/facilities";
import { levelAt } from "../../../domain/facility-view";
import { modeView } from "../../../domain/mode";

/** The three streams the status follows; a position is the last sequence read from each. */
export const statusStreams = ["mode", "facility", "service"] as const;
export type StatusStream = (typeof statusStreams)[number];
export type Position = Record<StatusStream, number>;

export const startPosition = (): Position => ({ mode: 0, facility: 0, service: 0 });

/** A position as one SSE event id ("12-3480-7"): a client hands it back as Last-Event-ID. */
export const positionId = (p: Position) => statusStreams.map((s) => p[s]).join("-");

export function parsePositionId(id: string | undefined): Position | undefined {
  const match = /^(\d{1,15})-(\d{1,15})-(\d{1,15})$/.exec(id ?? "");
  if (!match) return undefined;
  return { mode: Number(match[1]), facility: Number(match[2]), service: Number(match[3]) };
}

/** The events the status is built from, decoded. */
export type StatusEvent =
  | { kind: "mode"; event: ModeChanged }
  | { kind: "facility"; event: FacilityStatusChanged }
  | { kind: "correction"; event: FacilityCorrected }
  | { kind: "service"; event: ServiceLevelChanged };

/** One change as the SSE stream and the feeds show it. */
export interface Change {
  id: string;
  kind: StatusEvent["kind"];
  /** When it happened (RFC 3339, UTC). */
  at: string;
  title: Words;
  data: Record<string, unknown>;
}

export interface FacilityRow {
  id: string;
  name: string;
  category: string;
  ward: string;
  address: string;
  designatedShelter: boolean;
  status: string;
  statusReason: string;
  statusSince: string | null;
  use: string | null;
  shelter: string | null;
  reasons: string[];
  latitude: number;
  longitude: number;
}

export interface ServiceRow {
  id: string;
  name: string;
  channel: string;
  level: string;
  reason: string;
  since: string | null;
  until: string | null;
  wards: string[];
}

const word = (name: string | undefined) => name ?? "unknown";

/** A row's reading under a mode (the one rule of the contracts). */
export const rowReading = (row: FacilityRow, mode: Mode | undefined): FacilityReading =>
  readFacilityState({ ...row, since: row.statusSince }, levelAt(modeView(mode), row.ward));

/**
 * The status citizens read, kept from events: the mode, every facility's effective status and
 * every counter service's level. Applying an event returns the change it made.
 */
export class StatusView {
  mode: Mode | undefined;
  readonly facilities = new Map<string, FacilityRow>();
  readonly services = new Map<string, ServiceRow>();

  /** The registry as facilities lists it: names, places and the status at the time of the listing. */
  seed(list: Facility[]) {
    for (const f of list) {
      const known = this.facilities.get(f.id);
      this.facilities.set(f.id, {
        id: f.id,
        name: f.name,
        category: f.category,
        ward: f.ward,
        address: f.address,
        designatedShelter: f.designatedShelter,
        latitude: f.latitude,
        longitude: f.longitude,
        // A listing never moves a status back: the events since are newer than the listing's start.
        status: known?.status ?? word(statusName(f.status)),
        statusReason: known?.statusReason ?? f.statusReason,
        statusSince: known?.statusSince ?? (f.statusSince || null),
        use: known?.use ?? useName(f.use) ?? null,
        shelter: known?.shelter ?? (f.canShelter ? (shelterName(f.shelter) ?? null) : null),
        reasons: known?.reasons ?? (f.reasons.length ? f.reasons : f.statusReason ? [f.statusReason] : []),
      });
    }
  }

  /** Applies an event and returns the change it made. */
  apply(e: StatusEvent, id: string, at: string): Change {
    const change = this.describe(e, id, at);
    if (e.kind === "mode") this.mode = e.event.mode;
    if (e.kind === "facility") this.facilities.set(e.event.facilityId, change.data.facility as FacilityRow);
    if (e.kind === "service") this.services.set(`${e.event.serviceId}/${e.event.channel}`, change.data.service as ServiceRow);
    const corrected = e.kind === "correction" ? this.facilities.get(e.event.facilityId) : undefined;
    if (corrected && e.kind === "correction") {
      if (e.event.facilityName) corrected.name = e.event.facilityName;
      if (e.event.ward) corrected.ward = e.event.ward;
    }
    return change;
  }

  /** The change an event makes, described against what is known now, without applying it (for replays). */
  describe(e: StatusEvent, id: string, at: string): Change {
    switch (e.kind) {
      case "mode":
        return this.describeMode(e.event, id, at);
      case "facility":
        return this.describeFacility(e.event, id);
      case "correction":
        return this.describeCorrection(e.event, id);
      case "service":
        return this.describeService(e.event, id);
    }
  }

  private describeMode(e: ModeChanged, id: string, at: string): Change {
    const mode = e.mode;
    const level = mode?.level ?? ModeLevel.MODE_LEVEL_NORMAL;
    const incident = mode?.incident ?? 0;
    const title = (lang: "ja" | "en") =>
      say(lang, "changeMode", {
        where: mode?.wards.length ? mode.wards.map((w) => wardWord(w, lang)).join(say(lang, "wardSeparator")) : glossary.city[lang],
        incident: incidentWord(incident, lang),
        level: levelWord(level, lang),
      });
    return {
      id,
      kind: "mode",
      at: mode?.declaredAt || at,
      title: { ja: title("ja"), en: title("en") },
      data: { mode: modeView(mode), eventId: e.eventId },
    };
  }

  private describeFacility(e: FacilityStatusChanged, id: string): Change {
    const known = this.facilities.get(e.facilityId);
    const row: FacilityRow = {
      id: e.facilityId,
      name: e.facilityName || known?.name || e.facilityId,
      category: e.category || known?.category || "other",
      ward: e.ward || known?.ward || "",
      address: known?.address ?? "",
      designatedShelter: known?.designatedShelter ?? shelterName(e.shelter) !== undefined,
      latitude: e.latitude || known?.latitude || 0,
      longitude: e.longitude || known?.longitude || 0,
      status: word(statusName(e.status)),
      statusReason: e.reason,
      statusSince: e.changedAt || null,
      use: useName(e.use) ?? null,
      shelter: shelterName(e.shelter) ?? null,
      reasons: e.reasons.length ? e.reasons : e.reason ? [e.reason] : [],
    };
    const reading = rowReading(row, this.mode);
    const status = stateTerms[reading.state];
    return {
      id,
      kind: "facility",
      at: e.changedAt,
      title: {
        ja: say("ja", "changeFacility", { ward: wardWord(row.ward, "ja"), name: row.name, status: status.ja }),
        en: say("en", "changeFacility", { ward: wardWord(row.ward, "en"), name: row.name, status: status.en }),
      },
      data: { facility: row, reading, previousStatus: word(statusName(e.previousStatus)), causeEventId: e.causeEventId || null },
    };
  }

  private describeCorrection(e: FacilityCorrected, id: string): Change {
    const known = this.facilities.get(e.facilityId);
    const name = e.facilityName || known?.name || e.facilityId;
    return {
      id,
      kind: "correction",
      at: e.correctedAt,
      title: {
        ja: say("ja", "changeCorrection", { name, fields: e.fields.join(say("ja", "listSeparator")) }),
        en: say("en", "changeCorrection", { name, fields: e.fields.join(say("en", "listSeparator")) }),
      },
      data: { facilityId: e.facilityId, name, ward: e.ward, fields: e.fields, reason: e.reason, eventId: e.eventId },
    };
  }

  private describeService(e: ServiceLevelChanged, id: string): Change {
    const row: ServiceRow = {
      id: e.serviceId,
      name: e.serviceName,
      channel: e.channel,
      level: word(serviceLevelName(e.level)),
      reason: e.reason,
      since: e.startsAt || e.changedAt || null,
      until: e.endsAt || null,
      wards: e.wards,
    };
    const levelWords = serviceLevelTerms[serviceLevelName(e.level) ?? "normal"];
    return {
      id,
      kind: "service",
      at: e.changedAt,
      title: { ja: `${row.name} (${row.channel}): ${levelWords.ja}`, en: `${row.name} (${row.channel}): ${levelWords.en}` },
      data: { service: row, causeEventId: e.causeEventId || null },
    };
  }

  /** Open shelters, in registry order. */
  openShelters(): FacilityRow[] {
    return [...this.facilities.values()].filter((f) => this.reading(f).state === "shelter_open");
  }

  /** Shelters closed by staff or a playbook (their reason says why people must not go there). */
  closedShelters(): FacilityRow[] {
    return [...this.facilities.values()].filter((f) => this.reading(f).state === "shelter_closed");
  }

  /** A row's reading under the mode now in force. */
  reading(row: FacilityRow): FacilityReading {
    return rowReading(row, this.mode);
  }

  /** The body of GET /api/v1/status. */
  body() {
    // Counted by the reading people are told (a closed shelter counts as 避難所閉鎖, not as its building's use).
    const summary: Partial<Record<StateKey, number>> = {};
    const byWard: Record<string, number> = Object.fromEntries(wards.map((w) => [w, 0]));
    const facilities = [...this.facilities.values()];
    for (const f of facilities) {
      const { state } = this.reading(f);
      summary[state] = (summary[state] ?? 0) + 1;
    }
    const shelters = this.openShelters();
    for (const f of shelters) byWard[f.ward] = (byWard[f.ward] ?? 0) + 1;
    return {
      mode: modeView(this.mode),
      summary,
      sheltersOpen: { total: shelters.length, byWard },
      services: [...this.services.values()],
      facilities: facilities.map((f) => ({ ...f, reading: this.reading(f) })),
    };
  }
}
