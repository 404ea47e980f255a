import { Mode, ModeLevel, ResidentLang, StateKey, incidentName, levelName, wards } from "@crisis/platform/contracts";
import { FacilityStatusChanged, ServiceLevelChanged } from "@crisis/platform/contracts/events";
import { catalogue, facilityNames } from "./catalogue";
import { readBefore, readChange } from "./facility-reading";
import { AlertMessage, fitted } from "./payload";
import { serviceLines } from "./service-changes";

// Read without the mode, as every single change is: what the declaration opened, closed or restricted.
const is = (state: StateKey) => (c: FacilityStatusChanged) => readChange(c).state === state;
const wasShelter = (c: FacilityStatusChanged) => readBefore(c).state === "shelter_open" && readChange(c).state !== "shelter_open";
const shelterClosed = (c: FacilityStatusChanged) =>
  wasShelter(c) || (readChange(c).state === "shelter_closed" && readBefore(c).state !== "shelter_closed");
const reopened = (c: FacilityStatusChanged) => readChange(c).state === "normal" && readBefore(c).state !== "shelter_open";

/**
 * Sums up, in the subscriber's language, what one declaration changed for their topics:
 * counts per ward for shelters, names for the few facilities that closed or reopened, the counter
 * services they follow by their new level. Returns null when nothing they follow changed.
 */
export function composeAlert(
  alertId: string,
  mode: Mode,
  changes: FacilityStatusChanged[],
  lang: ResidentLang,
  statusUrl: string,
  services: ServiceLevelChanged[] = [],
): AlertMessage | null {
  if (changes.length === 0 && services.length === 0) return null;
  const t = catalogue[lang];
  const names = (list: FacilityStatusChanged[]) => facilityNames(list, lang);
  const lines: string[] = [];
  const opened = changes.filter(is("shelter_open"));
  if (opened.length > 0) {
    const byWard = wards
      .map((w) => [w, opened.filter((c) => c.ward === w).length] as const)
      .filter(([, n]) => n > 0)
      .map(([w, n]) => t.wardCount(t.ward(w), n))
      .join(t.listSeparator);
    lines.push(t.sheltersOpened(opened.length, byWard));
  }
  const closedShelters = changes.filter(shelterClosed);
  if (closedShelters.length > 0) lines.push(t.sheltersClosed(closedShelters.length));
  const closed = changes.filter(is("closed"));
  if (closed.length > 0) lines.push(t.closed(closed.length, names(closed)));
  const restricted = changes.filter(is("restricted"));
  if (restricted.length > 0) lines.push(t.restricted(restricted.length, names(restricted)));
  const open = changes.filter(reopened);
  if (open.length > 0) lines.push(t.reopened(open.length, names(open)));
  lines.push(...serviceLines(services, lang));
  const incident = t.incident(incidentName(mode.incident) ?? "other");
  const level = t.level(levelName(mode.level) ?? "normal");
  return fitted({
    alertId,
    lang,
    title: mode.level === ModeLevel.MODE_LEVEL_NORMAL ? t.stoodDown(incident, level) : t.title(incident, level),
    body: [...lines, t.details(statusUrl)].join("\n"),
    url: statusUrl,
    tag: alertId,
  });
}
