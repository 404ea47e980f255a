/**
 * The exact core of a team split, on kinds of people instead of people: a kind is the set of
 * floored skills a person holds (a bit mask). It decides how many of each kind every team gets
 * so that each team meets each skill floor, and the headcount floor can still be met from
 * those left over. Giving a team more of a kind than its largest deficit among that kind's
 * skills never helps a skill floor, and those people serve the headcount floor as well when
 * left over, so only amounts up to that deficit are tried: the search is complete.
 */
export interface KindCount {
  readonly mask: number;
  readonly count: number;
}

export interface AllocationInput {
  readonly kinds: readonly KindCount[];
  /** Minimum holders per team of floored skill `s` (bit `s` of a mask). */
  readonly skillFloors: readonly number[];
  readonly headcount: number;
  readonly teams: number;
  /** Preferred amounts per kind and team (the last split's), tried first. */
  readonly preferred?: ReadonlyMap<number, readonly number[]>;
}

/** Per kind (mask), how many of its people each team takes for its skill floors. */
export type Allocation = Map<number, number[]>;

/** Enough for every small department exactly; the first branch almost always succeeds on large ones. */
const NODE_BUDGET = 200_000;
const CANDIDATES_PER_KIND = 4_000;

const bits = (mask: number) => {
  let n = 0;
  for (let m = mask; m; m &= m - 1) n++;
  return n;
};

export function allocateKinds(input: AllocationInput): Allocation | undefined {
  const { teams, skillFloors, headcount } = input;
  const S = skillFloors.length;
  const skilled = input.kinds.filter((k) => k.mask !== 0 && k.count > 0).sort((a, b) => bits(b.mask) - bits(a.mask) || a.count - b.count);
  const total = input.kinds.reduce((s, k) => s + k.count, 0);
  // supplyAfter[i][s]: holders of skill s in kinds i.. (for pruning)
  const supplyAfter = Array.from({ length: skilled.length + 1 }, () => new Array<number>(S).fill(0));
  for (let i = skilled.length - 1; i >= 0; i--)
    for (let s = 0; s < S; s++) supplyAfter[i]![s] = supplyAfter[i + 1]![s]! + (skilled[i]!.mask & (1 << s) ? skilled[i]!.count : 0);
  const deficit = Array.from({ length: teams }, () => [...skillFloors]);
  const sizes = new Array<number>(teams).fill(0);
  const chosen: number[][] = [];
  const failed = new Set<string>();
  let nodes = 0;

  const feasibleAhead = (i: number) => {
    for (let s = 0; s < S; s++) {
      let need = 0;
      for (let t = 0; t < teams; t++) {
        if (deficit[t]![s]! > supplyAfter[i]![s]!) return false;
        need += deficit[t]![s]!;
      }
      if (need > supplyAfter[i]![s]!) return false;
    }
    return true;
  };
  const headcountHolds = () => {
    let used = 0;
    let missing = 0;
    for (let t = 0; t < teams; t++) {
      used += sizes[t]!;
      missing += Math.max(0, headcount - sizes[t]!);
    }
    return missing <= total - used;
  };

  const search = (i: number): boolean => {
    if (++nodes > NODE_BUDGET) return false;
    if (!feasibleAhead(i)) return false;
    if (i === skilled.length) return headcountHolds();
    const key = `${i}|${deficit.map((d) => d.join(",")).join(";")}|${sizes.join(",")}`;
    if (failed.has(key)) return false;
    const kind = skilled[i]!;
    const caps = deficit.map((d) =>
      Math.min(kind.count, Math.max(0, ...[...Array(S).keys()].filter((s) => kind.mask & (1 << s)).map((s) => d[s]!))),
    );
    for (const x of candidates(kind.count, caps, deficit, kind.mask, input.preferred?.get(kind.mask))) {
      apply(x, kind.mask, -1);
      chosen.push(x);
      if (search(i + 1)) return true;
      chosen.pop();
      apply(x, kind.mask, +1);
      if (nodes > NODE_BUDGET) return false;
    }
    failed.add(key);
    return false;
  };
  const apply = (x: readonly number[], mask: number, sign: 1 | -1) => {
    for (let t = 0; t < teams; t++) {
      sizes[t]! -= sign * x[t]!;
      for (let s = 0; s < S; s++) if (mask & (1 << s)) deficit[t]![s]! += sign * x[t]!;
    }
  };

  if (!search(0)) return undefined;
  return new Map(skilled.map((k, i) => [k.mask, chosen[i]!]));
}

/**
 * Amounts to try for one kind, best first: those covering the most deficit, then leaving the
 * deficits most even, then nearest the preferred amounts. Past a few thousand vectors only the
 * water-filled one (largest deficits served first) and the preferred one are tried.
 */
function candidates(
  count: number,
  caps: readonly number[],
  deficit: readonly number[][],
  mask: number,
  preferred?: readonly number[],
): number[][] {
  const teams = caps.length;
  let space = 1;
  for (const c of caps) space *= c + 1;
  const out: number[][] = [];
  if (space <= CANDIDATES_PER_KIND) {
    const x = new Array<number>(teams).fill(0);
    const walk = (t: number, left: number) => {
      if (t === teams) return void out.push([...x]);
      for (let v = 0; v <= Math.min(caps[t]!, left); v++) {
        x[t] = v;
        walk(t + 1, left - v);
      }
    };
    walk(0, count);
  } else {
    out.push(waterFill(count, caps));
    if (preferred) out.push(caps.map((c, t) => Math.min(c, preferred[t] ?? 0)));
  }
  const need = (t: number, x: readonly number[]) => Math.max(0, ...deficit[t]!.map((d, s) => (mask & (1 << s) ? d - x[t]! : d)));
  const spread = (x: readonly number[]) => {
    const after = x.map((_, t) => need(t, x));
    return Math.max(...after) - Math.min(...after);
  };
  const distance = (x: readonly number[]) =>
    preferred ? x.reduce((s, v, t) => s + Math.abs(v - Math.min(caps[t]!, preferred[t] ?? 0)), 0) : 0;
  const covered = (x: readonly number[]) => x.reduce((s, v) => s + v, 0);
  return out
    .map((x) => ({ x, c: covered(x), s: spread(x), d: distance(x) }))
    .sort((a, b) => b.c - a.c || a.s - b.s || a.d - b.d)
    .map((e) => e.x);
}

function waterFill(count: number, caps: readonly number[]): number[] {
  const x = caps.map(() => 0);
  let left = count;
  while (left > 0) {
    let best = -1;
    for (let t = 0; t < caps.length; t++) if (x[t]! < caps[t]! && (best < 0 || caps[t]! - x[t]! > caps[best]! - x[best]!)) best = t;
    if (best < 0) break;
    x[best]!++;
    left--;
  }
  return x;
}
