import { Incident, Mode, ModeLevel } from "@crisis/platform";

/** The words managers and the API use, and the contract enums they stand for. */
export const levelNames = { normal: ModeLevel.MODE_LEVEL_NORMAL, watch: ModeLevel.MODE_LEVEL_WATCH, alert: ModeLevel.MODE_LEVEL_ALERT, emergency: ModeLevel.MODE_LEVEL_EMERGENCY } as const;
export const incidentNames = {
  earthquake: Incident.INCIDENT_EARTHQUAKE,
  flood: Incident.INCIDENT_FLOOD,
  typhoon: Incident.INCIDENT_TYPHOON,
  pandemic: Incident.INCIDENT_PANDEMIC,
  other: Incident.INCIDENT_OTHER,
} as const;
export const wards = ["中央区", "東区", "西区", "南区", "北区"] as const;

export type LevelName = keyof typeof levelNames;
export type IncidentName = keyof typeof incidentNames;

const nameOf = <T extends Record<string, number>>(table: T, value: number): keyof T | "unknown" =>
  (Object.keys(table) as (keyof T)[]).find((k) => table[k] === value) ?? "unknown";

export const levelWord = (level: ModeLevel) => nameOf(levelNames, level);

/** The mode as the API shows it: words, not enum numbers. */
export function modeView(mode: Mode | undefined) {
  if (!mode) return { incident: null, level: "normal", wards: [], reason: "", declaredBy: null, declaredAt: null };
  return {
    incident: nameOf(incidentNames, mode.incident),
    level: levelWord(mode.level),
    wards: mode.wards,
    reason: mode.reason,
    declaredBy: mode.declaredBy,
    declaredAt: mode.declaredAt,
  };
}

/** A declaration identical to the current mode changes nothing and is refused as such. */
export function sameMode(a: Mode | undefined, b: Mode): boolean {
  if (!a) return b.level === ModeLevel.MODE_LEVEL_NORMAL;
  const wardsOf = (m: Mode) => [...m.wards].sort().join(",");
  return a.incident === b.incident && a.level === b.level && wardsOf(a) === wardsOf(b);
}
