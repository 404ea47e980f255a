import { IncidentName, LevelName, Mode, ModeLevel, incidentName, incidentTerms, levelName, levelTerms } from "@crisis/platform/contracts";

/** What a manager asks for, in words. */
export interface Declaration {
  incident: IncidentName;
  level: LevelName;
  wards: string[];
  reason: string;
}

/** The mode a declaration sets, stamped with who declared it and when. */
export function modeFrom(declaration: Declaration, declaredBy: string, at: Date): Mode {
  return {
    incident: incidentTerms[declaration.incident].value,
    level: levelTerms[declaration.level].value,
    wards: [...new Set(declaration.wards)],
    reason: declaration.reason,
    declaredBy,
    declaredAt: at.toISOString(),
  };
}

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
