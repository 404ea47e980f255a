import type { Roster } from "./ports";
import type { DepartmentRota, Period, StaffMember } from "../domain";

/**
 * The roster as every plan reads it: the members of a team out are away until its end, so no
 * re-plan (a shelter opening, a decline, the level changing) puts them back on a post meanwhile.
 * Followed again whenever a team goes out, its out moves, or it is back.
 */
export class RosterWithTeamsOut implements Roster {
  private current: readonly StaffMember[];

  constructor(private readonly base: Roster) {
    this.current = base.staff;
  }

  get staff(): readonly StaffMember[] {
    return this.current;
  }

  get departments() {
    return this.base.departments;
  }

  follow(rotas: readonly DepartmentRota[]): void {
    const away = new Map<string, Period[]>();
    for (const rota of rotas)
      for (const out of rota.outs)
        for (const id of rota.split.teams.find((t) => t.id === out.teamId)?.members ?? [])
          away.set(id, [...(away.get(id) ?? []), { start: new Date(out.since), end: new Date(out.until) }]);
    this.current = this.base.staff.map((p) => {
      const periods = away.get(p.id);
      return periods ? { ...p, unavailable: [...p.unavailable, ...periods] } : p;
    });
  }
}
