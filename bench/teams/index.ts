import { highsSolver } from "../../services/staffing/src/adapters/solver/highs";
import {
  checkSplit,
  floorsWhileOut,
  planAssignments,
  replanPositions,
  splitTeams,
  type Assignment,
  type PlanRequest,
  type StaffMember,
  type TeamSplit,
  type TeamSplitRequest,
} from "../../services/staffing/src/domain";
import { cityTeams, seededRandom } from "../../services/staffing/src/fixtures";
import { largeScenario, scenario, SEED } from "../staffing/scenario";
import { roundRobin } from "./round-robin";
import { printFigures } from "../print";

/** Wall time and this process's CPU time (the 2-core box is shared, so wall time swings). */
function timed<T>(work: () => T): [T, number, number] {
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const result = work();
  const used = process.cpuUsage(cpu);
  return [result, Number(process.hrtime.bigint() - start) / 1e6, (used.user + used.system) / 1000];
}
const ms = (wall: number, cpu: number) => `${wall.toFixed(0)} ms (CPU ${cpu.toFixed(0)} ms)`;

/** The city with the earthquake plan in force: people on posts and people away count for no floor. */
async function inForce(request: PlanRequest) {
  const plan = await planAssignments(request, highsSolver());
  const start = Math.min(...request.posts.map((p) => p.start.getTime()));
  const away = request.staff
    .filter((p) => p.unavailable.some((u) => u.start.getTime() <= start && u.end.getTime() > start))
    .map((p) => p.id);
  return { plan, notAtDesk: new Set([...plan.assignments.map((a) => a.staffId), ...away]) };
}

function teamRequest(request: PlanRequest, teams: 2 | 3, notAtDesk: ReadonlySet<string>): TeamSplitRequest {
  const { staff, settings } = cityTeams(request, teams, SEED + teams);
  return { staff, departments: request.departments, settings, level: "emergency", notAtDesk };
}

const minMargin = (split: TeamSplit) =>
  Math.min(...split.departments.flatMap((d) => d.teams.flatMap((t) => t.margins.map((m) => m.margin))));
const sizes = (split: TeamSplit) => split.departments.flatMap((d) => d.teams.map((t) => t.members.length));

export async function run(): Promise<void> {
  const city = scenario(1);
  const { plan, notAtDesk } = await inForce(city);
  const k2 = teamRequest(city, 2, notAtDesk);
  const [split, splitMs, splitCpu] = timed(() => splitTeams(k2));
  const [checked, checkMs, checkCpu] = timed(() => checkSplit(k2, split));
  const [naive, naiveMs, naiveCpu] = timed(() => roundRobin(k2));
  const naiveFaults = checkSplit(k2, naive);

  const k3 = teamRequest(city, 3, notAtDesk);
  const [split3, split3Ms, split3Cpu] = timed(() => splitTeams(k3));
  const checked3 = checkSplit(k3, split3);
  const naiveFaults3 = checkSplit(k3, roundRobin(k3));

  const large = largeScenario();
  const { notAtDesk: largeAway } = await inForce(large);
  const kLarge = teamRequest(large, 2, largeAway);
  const [splitLarge, largeMs, largeCpu] = timed(() => splitTeams(kLarge));
  const checkedLarge = checkSplit(kLarge, splitLarge);

  // A week later: 3 % more of the staff are away (sick, caring), and the split is made again from the last one.
  const random = seededRandom(SEED + 7);
  const laterAway = new Set([...notAtDesk, ...k2.staff.filter(() => random() < 0.03).map((p) => p.id)]);
  const previous = new Map(split.departments.flatMap((d) => d.teams.flatMap((t) => t.members.map((id) => [id, t.letter] as const))));
  const later = { ...k2, notAtDesk: laterAway, previous };
  const [again, againMs] = timed(() => splitTeams(later));
  const checkedAgain = checkSplit(later, again);

  // One team out while the plan is in force: the team holding the most posts, its posts re-planned one by one.
  const held = new Map<string, Assignment[]>();
  for (const a of plan.assignments) held.set(a.staffId, [...(held.get(a.staffId) ?? []), a]);
  const teams = split.departments.flatMap((d) => d.teams.map((t) => ({ d, t, posts: t.members.flatMap((id) => held.get(id) ?? []) })));
  const out = teams.sort((a, b) => b.posts.length - a.posts.length)[0]!;
  const outIds = new Set(out.t.members);
  const until = { start: new Date("2026-07-28T00:00:00+09:00"), end: new Date("2026-08-11T00:00:00+09:00") };
  const staffOut = k2.staff.map((p): StaffMember => (outIds.has(p.id) ? { ...p, unavailable: [...p.unavailable, until] } : p));
  const current = plan.assignments.map((a) => ({ staffId: a.staffId, postId: a.postId, position: a.position, acknowledged: true }));
  const [replanned, outMs, outCpu] = timed(() => {
    const answers = replanPositions({ ...city, staff: staffOut, current, leaving: out.posts });
    const people = new Map(k2.staff.map((p) => [p.id, p]));
    return {
      covered: answers.filter((a) => a.replacement).length,
      floors: floorsWhileOut(out.d, new Set([out.t.letter]), people, notAtDesk),
    };
  });

  const allMet =
    [checked, checked3, checkedLarge, checkedAgain].every((c) => c.length === 0) &&
    [split, split3, splitLarge, again].every((s) => s.short.length === 0);
  const figures = {
    split_ms: Math.round(splitMs),
    split_k3_ms: Math.round(split3Ms),
    large_split_ms: Math.round(largeMs),
    floors_met_by_every_team: allMet,
    min_margin: Math.min(minMargin(split), minMargin(split3), minMargin(splitLarge), minMargin(again)),
    moves_from_last_split: again.moves,
    team_out_replan_ms: Math.round(outMs),
    team_out_posts: out.posts.length,
    team_out_replaced: replanned.covered,
    checker_ms: Math.round(checkMs),
    round_robin_ms: Math.round(naiveMs),
    round_robin_faults: naiveFaults.length + naiveFaults3.length,
    ratio: Number((splitMs / naiveMs).toFixed(2)),
  };
  const rows: [string, string][] = [
    [
      "10,000 staff, K=2: split",
      `${ms(splitMs, splitCpu)}; ${split.departments.length} departments, ${split.short.length} short; team sizes ${Math.min(...sizes(split))}–${Math.max(...sizes(split))}`,
    ],
    ["  independent checker on it", `${ms(checkMs, checkCpu)}; ${checked.length} faults`],
    ["  naive round-robin split (baseline)", `${ms(naiveMs, naiveCpu)}; ${naiveFaults.length} floors missed`],
    ["10,000 staff, K=3: split", `${ms(split3Ms, split3Cpu)}; ${split3.short.length} short; ${checked3.length} faults`],
    ["  naive round-robin split, K=3", `${naiveFaults3.length} floors missed`],
    ["40,000 staff, K=2: split", `${ms(largeMs, largeCpu)}; ${splitLarge.short.length} short; ${checkedLarge.length} faults`],
    ["a week later, 3 % more away: split again", `${againMs.toFixed(0)} ms; ${again.moves} people moved; ${checkedAgain.length} faults`],
    ["smallest margin over a floor, any team", String(figures.min_margin)],
    [
      `team ${out.t.id} out (${out.t.members.length} people)`,
      `${ms(outMs, outCpu)}; ${replanned.covered} of ${out.posts.length} posts replaced; floors still short: ${replanned.floors.short.length}`,
    ],
    ["people on posts or away (count for no floor)", String(notAtDesk.size)],
  ];
  printFigures(rows, figures);
}
