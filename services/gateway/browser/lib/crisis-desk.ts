// What desk.js (loaded first on the console and the staff page) shares with the panels' scripts
// that come after it: the page's data, who signed in, and the API helper that holds the session.
// Each script is bundled on its own, so this is read from the window rather than imported.
import type { PageBasics } from "./city-time";

/** The person signed in, as desk.js read them from GET /api/v1/me. */
export interface Who {
  sub: string;
  roles: string[];
}

/** A refusal's body: problem+json when the API answered, its text or nothing otherwise. */
export type DeskProblem = { code?: string; detail?: string } | string | null;

/** An API answer as desk.js hands it on: the typed body when ok; `missing` when the route does not exist yet. */
export type DeskAnswer<T> =
  { ok: true; status: number; body: T; missing: false } | { ok: false; status: number; body: DeskProblem; missing: boolean };
export type DeskRefusal = Extract<DeskAnswer<unknown>, { ok: false }>;

export interface CrisisDesk<D extends PageBasics> {
  data: D;
  api<T>(method: string, path: string, body?: unknown, accept?: string): Promise<DeskAnswer<T>>;
  problem(res: DeskRefusal): string;
  unavailable(section: HTMLElement, text?: string): void;
  onSignedIn(listener: (who: Who) => void): void;
}

declare global {
  interface Window {
    crisisDesk: CrisisDesk<PageBasics>;
  }
}

/** The desk, with the page data this script reads (the server's page writes it; the script names it). */
export const crisisDesk = <D extends PageBasics>(): CrisisDesk<D> => window.crisisDesk as CrisisDesk<D>;

/** Whether the person holds one of the roles (the gateway checks again on every call). */
export const hasRole = (who: Who, ...roles: string[]): boolean => roles.some((r) => who.roles.includes(r));
