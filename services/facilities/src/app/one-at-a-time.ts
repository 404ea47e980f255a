/**
 * Runs writes one at a time. Each write reads the board, stores events and updates the board; two
 * interleaving in this process would read the same state (and the same decision sequence).
 */
export function oneAtATime(): <T>(work: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  };
}
