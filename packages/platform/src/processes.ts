import { ChildProcess } from "node:child_process";

/** Resolves once the child process has exited (at once if it already has). */
export function childExited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

/** What a check answers while the condition does not hold yet. */
type NotYet = false | undefined | null | 0 | "";

/**
 * Re-checks a condition until it holds, or fails naming what it waited for. For waiting on an
 * outcome (a process ready, a cluster electing a leader), never on time-based rules.
 */
export async function waitUntil<T>(
  check: () => Promise<T | NotYet> | T | NotYet,
  what: string,
  limitMs = 30_000,
  intervalMs = 50,
): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const result = await check();
    if (result) return result;
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
