import {
  Incident,
  Mode,
  ModeLevel,
  ResidentLang,
  Words,
  cityIso,
  glossaryWord,
  incidentGlossary,
  incidentName,
  levelGlossary,
  levelName,
  nameIn,
  readingsAsText,
  reasonIn,
  residentLanguages,
  say,
  wardTerms,
  wards,
} from "@crisis/platform/contracts";
import { Change, FacilityRow } from "./status-view";

/**
 * OASIS CAP 1.2 messages for the city's mode: a declaration opens a chain with an Alert; every
 * later change (an escalation, a registry correction) is an Update referencing the chain; a stand
 * down is a Cancel, which closes it. A correction never starts a fresh Alert.
 */
export interface CapMessage {
  /** The change that caused it: names its permanent URL. */
  id: string;
  identifier: string;
  /** RFC 3339, UTC. */
  sent: string;
  msgType: "Alert" | "Update" | "Cancel";
  /** The earlier messages of the chain, oldest first. */
  references: { identifier: string; sent: string }[];
  mode: Mode | undefined;
  headline: Words;
  /** Set when a registry correction caused the message. */
  correction?: Words;
  /**
   * The shelters open when a newer message replaced this one, kept so that it reads the same at its
   * URL ever after; unset while it is the newest (which names the shelters open now).
   */
  shelters?: FacilityRow[];
  /** Likewise the shelters closed then. */
  closedShelters?: FacilityRow[];
}

const isActive = (mode: Mode | undefined) => (mode?.level ?? ModeLevel.MODE_LEVEL_NORMAL) > ModeLevel.MODE_LEVEL_NORMAL;

export class AlertChain {
  /** Every message issued, oldest first. */
  readonly messages: CapMessage[] = [];
  private chain: CapMessage[] = [];
  private mode: Mode | undefined;
  private openShelters: () => FacilityRow[] = () => [];
  private closedShelters: () => FacilityRow[] = () => [];

  /** One message by the id of the change that caused it. */
  find(id: string): CapMessage | undefined {
    return this.messages.find((m) => m.id === id);
  }

  /**
   * Follows one change of the status; returns the CAP message it caused, if any. `openShelters`
   * is asked only when a message is issued, to keep what the one it replaces named.
   */
  follow(
    change: Change,
    mode: Mode | undefined,
    openShelters: () => FacilityRow[],
    closedShelters: () => FacilityRow[] = () => [],
  ): CapMessage | undefined {
    this.openShelters = openShelters;
    this.closedShelters = closedShelters;
    if (change.kind === "mode") {
      const wasActive = isActive(this.mode);
      this.mode = mode;
      if (!wasActive && !isActive(mode)) return undefined;
      const msgType = !wasActive ? "Alert" : isActive(mode) ? "Update" : "Cancel";
      return this.issue({ msgType, mode, headline: change.title, id: change.id, at: change.at });
    }
    if (change.kind === "correction" && isActive(this.mode)) {
      return this.issue({
        msgType: "Update",
        mode: this.mode,
        headline: change.title,
        id: change.id,
        at: change.at,
        correction: change.title,
      });
    }
    return undefined;
  }

  private issue(m: {
    msgType: CapMessage["msgType"];
    mode: Mode | undefined;
    headline: Words;
    id: string;
    at: string;
    correction?: Words;
  }) {
    const replaced = this.messages.at(-1);
    // Copies: a registry correction renames the rows the status keeps.
    const copy = (rows: FacilityRow[]) => rows.map((row) => ({ ...row, reasons: [...row.reasons] }));
    if (replaced) {
      replaced.shelters ??= copy(this.openShelters());
      replaced.closedShelters ??= copy(this.closedShelters());
    }
    const message: CapMessage = {
      id: m.id,
      identifier: `urn:kumamoto-city:crisis:${m.id}`,
      sent: m.at,
      msgType: m.msgType,
      references: (m.msgType === "Alert" ? [] : this.chain).map((c) => ({ identifier: c.identifier, sent: c.sent })),
      mode: m.mode,
      headline: m.headline,
      correction: m.correction,
    };
    this.chain = message.msgType === "Cancel" ? [] : message.msgType === "Alert" ? [message] : [...this.chain, message];
    this.messages.push(message);
    return message;
  }
}

/** CAP's dateTime: seconds and an explicit offset (no "Z"), shown in the city's time. */
export function capTime(iso: string): string {
  const ms = Date.parse(iso);
  return cityIso(Number.isNaN(ms) ? 0 : ms);
}

const categoryOf: Record<number, string> = {
  [Incident.INCIDENT_EARTHQUAKE]: "Geo",
  [Incident.INCIDENT_FLOOD]: "Met",
  [Incident.INCIDENT_TYPHOON]: "Met",
  [Incident.INCIDENT_PANDEMIC]: "Health",
};
const severityOf: Record<number, string> = {
  [ModeLevel.MODE_LEVEL_EMERGENCY]: "Severe",
  [ModeLevel.MODE_LEVEL_ALERT]: "Moderate",
  [ModeLevel.MODE_LEVEL_WATCH]: "Minor",
};

/** How far around a shelter its circle reaches: the walk a neighbourhood makes to it. */
const shelterRadiusKm = 0.5;

export interface CapDocument {
  alert: Record<string, unknown>;
}

/**
 * The CAP 1.2 alert as an element tree (element name → text, child tree, or list of those),
 * in the schema's element order; the HTTP adapter serializes it as XML. `web` is the message's
 * permanent URL.
 */
export function capDocument(
  message: CapMessage,
  sender: string,
  shelters: FacilityRow[],
  web: string,
  closed: FacilityRow[] = [],
): CapDocument {
  const mode = message.mode;
  const modeWards = mode?.wards.length ? mode.wards : wards;
  const inArea = shelters.filter((s) => modeWards.includes(s.ward as never) && (s.latitude !== 0 || s.longitude !== 0));
  const info = (lang: ResidentLang) => ({
    language: capLanguage[lang],
    category: categoryOf[mode?.incident ?? 0] ?? "Other",
    event: `${term(incidentGlossary, incidentName(mode?.incident ?? 0) ?? "other", lang)} ${term(levelGlossary, levelName(mode?.level ?? ModeLevel.MODE_LEVEL_NORMAL) ?? "normal", lang)}`,
    responseType: message.msgType === "Cancel" ? "AllClear" : inArea.length ? "Shelter" : "Monitor",
    urgency: message.msgType === "Cancel" ? "Past" : "Immediate",
    severity: message.msgType === "Cancel" ? "Minor" : (severityOf[mode?.level ?? 0] ?? "Unknown"),
    certainty: "Observed",
    senderName: say(lang, "capSender"),
    headline: headline(message, lang),
    description: describe(
      lang,
      message,
      inArea,
      closed.filter((s) => modeWards.includes(s.ward as never)),
    ),
    web,
    area: modeWards.map((ward) => ({
      areaDesc: term(wardTerms, ward, lang),
      circle: inArea.filter((s) => s.ward === ward).map((s) => `${s.latitude.toFixed(6)},${s.longitude.toFixed(6)} ${shelterRadiusKm}`),
    })),
  });
  return {
    alert: {
      "@xmlns": "urn:oasis:names:tc:emergency:cap:1.2",
      identifier: message.identifier,
      sender,
      sent: capTime(message.sent),
      status: "Actual",
      msgType: message.msgType,
      scope: "Public",
      ...(message.references.length
        ? { references: message.references.map((r) => `${sender},${r.identifier},${capTime(r.sent)}`).join(" ") }
        : {}),
      info: residentLanguages.map(info),
    },
  };
}

/** How many closed shelters a description names before it counts the rest. */
const closedNamed = 10;

function describe(lang: ResidentLang, message: CapMessage, shelters: FacilityRow[], closed: FacilityRow[]): string {
  const lines: string[] = [];
  // A correction's own words are Japanese and English: the other languages read the English.
  if (message.correction)
    lines.push(say(lang, "capCorrection", { text: message.correction[lang === "ja" || lang === "ja-x-easy" ? "ja" : "en"] }));
  if (message.msgType === "Cancel") lines.push(say(lang, "capStoodDown"));
  else lines.push(say(lang, "capSheltersOpen", { n: shelters.length }));
  if (message.msgType !== "Cancel" && closed.length > 0) {
    // A closed shelter is named with its reason, so nobody walks to a damaged building.
    const why = (s: FacilityRow) => (s.reasons[0] ? say(lang, "aside", { text: reasonIn(s.reasons[0], lang) }) : "");
    const named = closed.slice(0, closedNamed).map((s) => `${readingsAsText(nameIn(lang, s.name))}${why(s)}`);
    const rest = closed.length - named.length;
    const names = `${named.join(say(lang, "listSeparator"))}${rest > 0 ? ` ${say(lang, "capMore", { n: rest })}` : ""}`;
    lines.push(say(lang, "capSheltersClosed", { names }));
  }
  if (message.mode?.reason) lines.push(message.mode.reason);
  return lines.join("\n");
}

/** CAP's <language> (RFC 3066): the region for Japanese and English as before, the script for Chinese. */
const capLanguage: Record<ResidentLang, string> = {
  ja: "ja-JP",
  "ja-x-easy": "ja-JP-x-easy",
  en: "en-US",
  vi: "vi-VN",
  "zh-Hans": "zh-Hans",
  "zh-Hant": "zh-Hant",
  ko: "ko-KR",
  ne: "ne-NP",
};

/** A term as plain text: CAP carries no furigana, so easy Japanese reads 避難所(ひなんじょ). */
const term = (table: Parameters<typeof glossaryWord>[0], key: string, lang: ResidentLang) => readingsAsText(glossaryWord(table, key, lang));

/** Japanese and English keep the change's own headline; the other languages say the city, the incident and the level. */
function headline(message: CapMessage, lang: ResidentLang): string {
  if (lang === "ja" || lang === "en") return message.headline[lang];
  const incident = term(incidentGlossary, incidentName(message.mode?.incident ?? 0) ?? "other", lang);
  const level = term(levelGlossary, levelName(message.mode?.level ?? ModeLevel.MODE_LEVEL_NORMAL) ?? "normal", lang);
  return say(lang, message.msgType === "Cancel" ? "pushStoodDown" : "pushTitle", { incident, level });
}
