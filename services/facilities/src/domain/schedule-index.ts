/**
 * The moments at which something starts or stops applying, sorted, so that a tick looks only at
 * the facilities whose windows opened or closed since the last tick instead of at every one.
 */
export class BoundaryIndex {
  private times: number[] = [];
  private keys: string[] = [];
  private pending: [number, string][] = [];

  add(t: number, key: string): void {
    this.pending.push([t, key]);
  }

  private settle(): void {
    if (!this.pending.length) return;
    const all = this.times.map((t, i): [number, string] => [t, this.keys[i]]).concat(this.pending);
    all.sort((a, b) => a[0] - b[0]);
    this.times = all.map((e) => e[0]);
    this.keys = all.map((e) => e[1]);
    this.pending = [];
  }

  private firstAfter(t: number): number {
    let [lo, hi] = [0, this.times.length];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.times[mid] <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Keys with a boundary in (after, upTo]. */
  due(after: number, upTo: number): Set<string> {
    this.settle();
    const due = new Set<string>();
    for (let i = this.firstAfter(after); i < this.times.length && this.times[i] <= upTo; i++) due.add(this.keys[i]);
    return due;
  }

  /** The latest boundary of `key` at or before t (the moment its current state began), if any. */
  static latest(boundaries: number[], t: number): number | undefined {
    let best: number | undefined;
    for (const b of boundaries) if (b <= t && (best === undefined || b > best)) best = b;
    return best;
  }
}
