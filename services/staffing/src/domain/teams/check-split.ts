import type { TeamSplit, TeamSplitRequest } from "./types";

/**
 * An independent check of a team split, written from the rules and sharing no code with the
 * engine: every member of a split department is in exactly one of its teams, and each team
 * alone, counting only its people at their desks, holds the headcount and every skill floor.
 * Returns what is wrong, in words; empty when the split keeps every rule.
 */
export function checkSplit(request: TeamSplitRequest, split: TeamSplit): string[] {
  const problems: string[] = [];
  const person = new Map(request.staff.map((p) => [p.id, p]));
  for (const dept of split.departments) {
    const expected = request.staff.filter((p) => p.department === dept.department).map((p) => p.id);
    const seen = new Map<string, number>();
    for (const team of dept.teams) for (const id of team.members) seen.set(id, (seen.get(id) ?? 0) + 1);
    for (const id of expected) if (seen.get(id) !== 1) problems.push(`${id} of ${dept.department} is in ${seen.get(id) ?? 0} teams`);
    for (const id of seen.keys()) if (person.get(id)?.department !== dept.department) problems.push(`${id} is not in ${dept.department}`);
    for (const team of dept.teams) {
      const desk = team.members.filter((id) => !request.notAtDesk.has(id)).map((id) => person.get(id)!);
      if (desk.length < dept.floor.headcount) problems.push(`${team.id} has ${desk.length} at their desks, below ${dept.floor.headcount}`);
      for (const [skill, minimum] of Object.entries(dept.floor.skills ?? {})) {
        let holders = 0;
        for (const p of desk) if (p.skills.indexOf(skill) >= 0) holders++;
        if (holders < minimum) problems.push(`${team.id} has ${holders} ${skill}, below ${minimum}`);
      }
    }
  }
  return problems;
}
