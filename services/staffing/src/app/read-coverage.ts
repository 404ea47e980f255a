import type { CoverageNow } from "@crisis/platform/contracts/duties";
import { planCoverage } from "./plan-coverage";
import type { PlanBook } from "./plan-book";
import type { Roster } from "./ports";

/** The plan in force as it stands now (after declines, replacements and releases): coverage and floor margins. */
export function readCoverage(deps: { roster: Roster; book: PlanBook }): CoverageNow {
  const inForce = deps.book.inForce;
  const coverage = planCoverage(deps.roster, inForce?.posts ?? [], inForce?.plan, inForce?.inputs.mode);
  const positions = coverage.perPost.reduce((n, c) => n + c.required, 0);
  const covered = coverage.perPost.reduce((n, c) => n + c.covered, 0);
  return { planId: inForce?.id ?? "", positionsRequired: positions, positionsCovered: covered, ...coverage };
}
