/**
 * A bench's figures as people read them (one row a figure, its name padded so the values line up),
 * then as one JSON line for the machine that keeps them.
 */
export function printFigures(rows: [string, string][], figures: object): void {
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
  console.log(JSON.stringify(figures));
}
