import { Mode, ModeLevel, incidentName, levelName } from "@crisis/platform/contracts";

/** The mode as the API shows it: words, not enum numbers. */
export function modeView(mode: Mode | undefined) {
  if (!mode) return { incident: null, level: "normal", wards: [], reason: "", declaredBy: null, declaredAt: null };
  return {
    incident: incidentName(mode.incident) ?? "unknown",
    level: levelName(mode.level) ?? "unknown",
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
