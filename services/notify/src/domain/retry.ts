const baseMs = 1_000;
const capMs = 60_000;

/**
 * Exponential backoff with full jitter (AWS architecture blog, "Exponential Backoff and
 * Jitter"): retries of many pushes to one ailing push service spread out instead of
 * arriving together. `attempt` counts from 1; `random` is in [0, 1).
 */
export function backoffMs(attempt: number, random: number): number {
  return Math.floor(random * Math.min(capMs, baseMs * 2 ** (attempt - 1)));
}
