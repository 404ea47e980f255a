import type { PlanRequest, StaffMember } from "../../services/staffing/src/domain";

const HOUR = 3_600_000;
const REST = 11 * HOUR;

/**
 * An upper bound on coverage that shares no code with the engine: a max-flow from departments
 * through kinds of people and their shifts to positions. A department may send at most
 * (people it can spare) × (most shifts one of them can work), and likewise its holders of a
 * floored skill (a kind holding several passes the tightest of them only); each person works
 * each shift at most once and at most the shifts rest and their hour limit allow. Which shifts
 * together fit the rest rule is ignored, so it can only overestimate.
 */
export function flowBound(request: PlanRequest): number {
  const posts = request.posts;
  const shiftKey = (p: { start: Date; end: Date }) => `${p.start.getTime()}-${p.end.getTime()}`;
  const shifts = [...new Map(posts.map((p) => [shiftKey(p), { start: p.start.getTime(), end: p.end.getTime() }])).values()];
  const planStart = Math.min(...shifts.map((s) => s.start));
  const planEnd = Math.max(...shifts.map((s) => s.end));
  const night = shifts.map((s) => {
    for (let t = s.start; t < s.end; t += 60_000) {
      const hour = new Date(t + 9 * HOUR).getUTCHours();
      if (hour >= 22 || hour < 5) return true;
    }
    return false;
  });
  const demand = new Map<string, number>();
  for (const post of posts) {
    const s = shifts.findIndex((x) => shiftKey(post) === `${x.start}-${x.end}`);
    for (const need of post.positions) {
      const key = `${s}|${[...need.skills].sort().join("+")}`;
      demand.set(key, (demand.get(key) ?? 0) + need.count);
    }
  }
  const roles = [...demand.keys()].map((key) => ({
    key,
    shift: Number(key.split("|")[0]),
    skills: key.split("|")[1]!.split("+").filter(Boolean),
  }));
  const overlaps = (p: StaffMember, start: number, end: number) =>
    p.unavailable.some((u) => u.start.getTime() < end && start < u.end.getTime());
  const workable = (p: StaffMember) => shifts.map((s, i) => (!night[i] || p.canWorkNights) && !overlaps(p, s.start, s.end));

  const graph = new FlowGraph();
  const source = graph.node();
  const sink = graph.node();
  const roleNode = new Map(roles.map((r) => [r.key, graph.node()]));
  for (const r of roles) graph.edge(roleNode.get(r.key)!, sink, demand.get(r.key)!);

  const kinds = new Map<string, { person: StaffMember; count: number; can: boolean[]; most: number }>();
  for (const person of request.staff) {
    const can = workable(person);
    const key = [
      person.department,
      [...person.skills].sort().join("+"),
      can.join(""),
      person.maxHours ?? "",
      overlaps(person, planStart, planEnd),
    ].join("|");
    const kind = kinds.get(key);
    if (kind) kind.count++;
    else kinds.set(key, { person, count: 1, can, most: mostShifts(shifts, can, person.maxHours) });
  }
  const spare = new Map<string, number>();
  const deptNode = new Map<string, number>();
  for (const department of request.departments) {
    const present = request.staff.filter((p) => p.department === department.id && !overlaps(p, planStart, planEnd)).length;
    const floor = department.floors[request.level]?.headcount ?? present;
    spare.set(department.id, Math.max(0, present - floor));
    deptNode.set(department.id, graph.node());
  }
  const most = new Map<string, number>();
  for (const kind of kinds.values()) most.set(kind.person.department, Math.max(most.get(kind.person.department) ?? 0, kind.most));
  for (const [id, node] of deptNode) graph.edge(source, node, spare.get(id)! * (most.get(id) ?? 0));
  const gates = new Map<string, { node: number; spare: number }>();
  for (const department of request.departments) {
    const present = request.staff.filter((p) => p.department === department.id && !overlaps(p, planStart, planEnd));
    for (const [skill, minimum] of Object.entries(department.floors[request.level]?.skills ?? {})) {
      const holders = present.filter((p) => p.skills.includes(skill)).length;
      const gate = { node: graph.node(), spare: Math.max(0, holders - minimum) };
      graph.edge(deptNode.get(department.id)!, gate.node, gate.spare * (most.get(department.id) ?? 0));
      gates.set(`${department.id}|${skill}`, gate);
    }
  }
  for (const kind of kinds.values()) {
    if (kind.most === 0) continue;
    const node = graph.node();
    const gate = kind.person.skills
      .map((k) => gates.get(`${kind.person.department}|${k}`))
      .filter((g) => g !== undefined)
      .sort((a, b) => a.spare - b.spare)[0];
    // People away for part of the plan cost their department nothing.
    const away = overlaps(kind.person, planStart, planEnd);
    graph.edge(away ? source : (gate?.node ?? deptNode.get(kind.person.department)!), node, kind.count * kind.most);
    kind.can.forEach((ok, s) => {
      if (!ok) return;
      const fits = roles.filter((r) => r.shift === s && r.skills.every((k) => kind.person.skills.includes(k)));
      if (fits.length === 0) return;
      const perShift = graph.node();
      graph.edge(node, perShift, kind.count);
      for (const r of fits) graph.edge(perShift, roleNode.get(r.key)!, kind.count);
    });
  }
  return graph.maxFlow(source, sink);
}

/** Most shifts one person can work: earliest-ending first with 11 h rest, then the hour limit. */
function mostShifts(shifts: readonly { start: number; end: number }[], can: readonly boolean[], maxHours: number | undefined): number {
  const mine = shifts.filter((_, i) => can[i]).sort((a, b) => a.end - b.end);
  let count = 0;
  let free = -Infinity;
  for (const s of mine) {
    if (s.start >= free) {
      count++;
      free = s.end + REST;
    }
  }
  const shortest = Math.min(...mine.map((s) => (s.end - s.start) / HOUR));
  return maxHours === undefined ? count : Math.min(count, Math.floor(maxHours / shortest));
}

/** Dinic's max-flow on integer capacities. */
class FlowGraph {
  private readonly to: number[] = [];
  private readonly cap: number[] = [];
  private readonly adjacent: number[][] = [];

  node(): number {
    this.adjacent.push([]);
    return this.adjacent.length - 1;
  }

  edge(from: number, to: number, capacity: number): void {
    this.adjacent[from]!.push(this.to.length);
    this.to.push(to);
    this.cap.push(capacity);
    this.adjacent[to]!.push(this.to.length);
    this.to.push(from);
    this.cap.push(0);
  }

  maxFlow(source: number, sink: number): number {
    let flow = 0;
    for (;;) {
      const level = new Array<number>(this.adjacent.length).fill(-1);
      level[source] = 0;
      const queue = [source];
      for (let i = 0; i < queue.length; i++) {
        for (const e of this.adjacent[queue[i]!]!) {
          if (this.cap[e]! > 0 && level[this.to[e]!] === -1) {
            level[this.to[e]!] = level[queue[i]!]! + 1;
            queue.push(this.to[e]!);
          }
        }
      }
      if (level[sink] === -1) return flow;
      const next = new Array<number>(this.adjacent.length).fill(0);
      const push = (v: number, limit: number): number => {
        if (v === sink) return limit;
        for (; next[v]! < this.adjacent[v]!.length; next[v]!++) {
          const e = this.adjacent[v]![next[v]!]!;
          const w = this.to[e]!;
          if (this.cap[e]! <= 0 || level[w] !== level[v]! + 1) continue;
          const pushed = push(w, Math.min(limit, this.cap[e]!));
          if (pushed > 0) {
            this.cap[e]! -= pushed;
            this.cap[e ^ 1]! += pushed;
            return pushed;
          }
        }
        return 0;
      };
      for (let pushed = push(source, Infinity); pushed > 0; pushed = push(source, Infinity)) flow += pushed;
    }
  }
}
