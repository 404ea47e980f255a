import { Incident, Mode, ModeLevel } from "@crisis/platform/contracts";
import {
  OPEN_SHELTERS_0729,
  WARDS,
  earthquakePosts,
  planAssignments,
  type Department,
  type ModeLevel as StaffingLevel,
  type StaffMember,
  type Ward,
} from "../domain";

export interface Roster {
  staff: readonly StaffMember[];
  departments: readonly Department[];
}

export interface StaffingSummary {
  mode?: Mode;
  staff: number;
  posts: number;
  positionsRequired: number;
  positionsCovered: number;
}

const naturalHazards = new Set([Incident.INCIDENT_EARTHQUAKE, Incident.INCIDENT_FLOOD, Incident.INCIDENT_TYPHOON]);

/** The contract's levels (normal=1 … emergency=4) as the engine counts them (watch=1 … emergency=3). */
const engineLevel = (level: ModeLevel): StaffingLevel | undefined =>
  level >= ModeLevel.MODE_LEVEL_WATCH && level <= ModeLevel.MODE_LEVEL_EMERGENCY ? ((level - 1) as StaffingLevel) : undefined;

/** The day in Japan time on which a declaration was made, e.g. 2026-07-28. */
const japanDay = (iso: string) => new Date(new Date(iso).getTime() + 9 * 3_600_000).toISOString().slice(0, 10);

/**
 * Plans the first day of emergency posts for a natural hazard at alert or above: shelter teams
 * in the declared wards (as many as opened per ward on 2026-07-29), health rounds, り災証明
 * counters and the call centre, staffed without breaking any department's floor.
 */
export async function planForMode(roster: Roster, mode: Mode | undefined): Promise<StaffingSummary> {
  const summary = { mode, staff: roster.staff.length, posts: 0, positionsRequired: 0, positionsCovered: 0 };
  const level = mode && engineLevel(mode.level);
  if (!mode || !level || mode.level < ModeLevel.MODE_LEVEL_ALERT || !naturalHazards.has(mode.incident)) return summary;
  const inScope = (ward: Ward) => mode.wards.length === 0 || mode.wards.includes(ward);
  const sheltersPerWard = Object.fromEntries(WARDS.map((w) => [w, inScope(w) ? OPEN_SHELTERS_0729[w] : 0])) as Record<Ward, number>;
  // The call centre at city hall serves every ward, whichever wards are declared.
  const posts = earthquakePosts({ days: [japanDay(mode.declaredAt)], sheltersPerWard }).filter(
    (post) => inScope(post.ward) || post.duty === "電話相談",
  );
  const plan = await planAssignments({ staff: roster.staff, departments: roster.departments, posts, modeLevel: level });
  return { ...summary, posts: posts.length, positionsRequired: plan.positionsRequired, positionsCovered: plan.positionsCovered };
}
