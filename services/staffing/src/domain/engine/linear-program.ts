/** A linear program written out in the CPLEX LP text that HiGHS reads. */
export type Terms = ReadonlyArray<readonly [string, number]>;

interface Variable {
  readonly lower: number;
  readonly upper: number;
  readonly integer: boolean;
}

const TERMS_PER_LINE = 40;

export class LinearProgram {
  private readonly variables = new Map<string, Variable>();
  private readonly rows: string[] = [];
  private objective: Terms = [];

  variable(name: string, lower: number, upper: number, integer: boolean): string {
    this.variables.set(name, { lower, upper, integer });
    return name;
  }

  has(name: string): boolean {
    return this.variables.has(name);
  }

  atMost(terms: Terms, rhs: number): void {
    if (terms.length > 0) this.rows.push(`r${this.rows.length}: ${sum(terms)} <= ${rhs}`);
  }

  equal(terms: Terms, rhs: number): void {
    if (terms.length > 0) this.rows.push(`r${this.rows.length}: ${sum(terms)} = ${rhs}`);
  }

  atLeast(terms: Terms, rhs: number): void {
    if (terms.length > 0) this.rows.push(`r${this.rows.length}: ${sum(terms)} >= ${rhs}`);
  }

  setObjective(terms: Terms): void {
    this.objective = terms;
  }

  integerNames(): string[] {
    return [...this.variables].filter(([, v]) => v.integer).map(([name]) => name);
  }

  /**
   * `relaxed` drops integrality: the LP relaxation, whose optimum bounds the integer one.
   * `fixed` pins variables to values, to finish a nearly whole solution.
   */
  toText(sense: "Maximize" | "Minimize", relaxed = false, fixed: ReadonlyMap<string, number> = new Map()): string {
    const bounds = [...this.variables].map(([name, v]) =>
      fixed.has(name) ? `${name} = ${fixed.get(name)}` : `${v.lower} <= ${name} <= ${v.upper}`,
    );
    const integers = relaxed ? [] : [...this.variables].filter(([, v]) => v.integer).map(([name]) => name);
    const objective = this.objective.length > 0 ? sum(this.objective) : `0 ${[...this.variables.keys()][0]}`;
    return [
      sense,
      ` obj: ${objective}`,
      "Subject To",
      ...this.rows.map((r) => ` ${r}`),
      "Bounds",
      ...bounds.map((b) => ` ${b}`),
      ...(integers.length > 0 ? ["General", ...chunk(integers).map((line) => ` ${line.join(" ")}`)] : []),
      "End",
    ].join("\n");
  }
}

function sum(terms: Terms): string {
  const parts = terms.map(([name, c], i) => `${c < 0 ? "-" : i === 0 ? "" : "+"} ${Math.abs(c)} ${name}`);
  return chunk(parts)
    .map((line) => line.join(" "))
    .join("\n   ");
}

function chunk<T>(items: readonly T[]): T[][] {
  const lines: T[][] = [];
  for (let i = 0; i < items.length; i += TERMS_PER_LINE) lines.push(items.slice(i, i + TERMS_PER_LINE));
  return lines;
}
