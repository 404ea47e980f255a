import type { Ward } from "../types";

/**
 * Steps between wards: 中央区 touches all four others, each outer ward touches its two
 * outer neighbours around the ring 東区–南区–西区–北区, and opposite outer wards are two
 * steps apart. Travel time in a disaster matters more than exact kilometres.
 */
const RING: readonly Ward[] = ["東区", "南区", "西区", "北区"];

export function wardDistance(a: Ward, b: Ward): number {
  if (a === b) return 0;
  if (a === "中央区" || b === "中央区") return 1;
  const gap = Math.abs(RING.indexOf(a) - RING.indexOf(b));
  return gap === 2 ? 2 : 1;
}
