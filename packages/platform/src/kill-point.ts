/**
 * Test-only fault injection, so a fail-over test stops the active instance at an exact place
 * instead of hoping a kill lands there: with CRISIS_TEST_KILL_AT=<point> (or <point>@<n>) the
 * process SIGKILLs itself the n-th time (default the first) it reaches `killPoint(<point>)`.
 * Unset (always, outside tests) it does nothing.
 */
const [killAt, nth] = (process.env.CRISIS_TEST_KILL_AT ?? "").split("@");
let reached = 0;

export function killPoint(point: string): void {
  if (!killAt || point !== killAt) return;
  if (++reached === Number(nth || 1)) process.kill(process.pid, "SIGKILL");
}
