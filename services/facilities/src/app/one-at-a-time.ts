import { onePerKey } from "./one-per-key";

/**
 * Runs writes one at a time. Each write reads the board, stores events and updates the board; two
 * interleaving in this process would read the same state (and the same decision sequence).
 */
export function oneAtATime(): <T>(work: () => Promise<T>) => Promise<T> {
  const queue = onePerKey();
  return (work) => queue("board", work);
}
