// Console and staff page: who is signed in (GET /api/v1/me; the session is an HttpOnly cookie, so
// the page never holds a token) and one API helper that tells "this endpoint does not exist yet"
// apart from other refusals.
import type { z } from "zod";
import type { StaffWords } from "../src/adapters/http/page-parts/staff-words";
import type { gatewayApi } from "../src/adapters/http/gateway-routes";
import type { PageBasics } from "./lib/city-time";
import type { CrisisDesk, DeskAnswer, DeskProblem, DeskRefusal, Who } from "./lib/crisis-desk";
import { byId, pageData } from "./lib/dom";

type Me = z.infer<(typeof gatewayApi)["me"]["answers"][200]>;
/** What this script reads of the page's data; the console page alone names the desk's words. */
interface DeskData extends PageBasics {
  words: { notAvailable: string };
  desk?: Pick<StaffWords<"desk">, "noPanel">;
}

const data = pageData<DeskData>();
const listeners: ((who: Who) => void)[] = [];
let who: Who | null = null;

const here = () => `${location.pathname}${location.search}`;
const signInAgain = () => location.assign(`/login?returnTo=${encodeURIComponent(here())}`);
const isProblem = (body: DeskProblem): body is { code?: string; detail?: string } => Boolean(body) && typeof body === "object";

async function api<T>(method: string, path: string, body?: unknown, accept?: string): Promise<DeskAnswer<T>> {
  const headers: Record<string, string> = { accept: accept || "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  // The shift's session ran out while the page was open: sign in again and come back to this place.
  if (res.status === 401 && who) signInAgain();
  const type = res.headers.get("content-type") || "";
  const payload: unknown = type.includes("json") ? await res.json().catch(() => null) : await res.text();
  // The body is what the route's schema says when ok (the gateway checks its answers); a refusal's is problem+json or text.
  if (res.ok) return { ok: true, status: res.status, body: payload as T, missing: false };
  const problem = payload as DeskProblem;
  return {
    ok: false,
    status: res.status,
    body: problem,
    missing: res.status === 404 && isProblem(problem) && problem.code === "ROUTE_NOT_FOUND",
  };
}

const problem = (res: DeskRefusal): string => (isProblem(res.body) && (res.body.detail || res.body.code)) || String(res.status);

function unavailable(section: HTMLElement, text?: string): void {
  const p = section.querySelector<HTMLElement>(".unavailable");
  if (p) {
    p.textContent = text || data.words.notAvailable;
    p.hidden = false;
  }
}

async function show(): Promise<void> {
  // Back to this very page (its language, its notice) after signing in.
  byId<HTMLAnchorElement>("sign-in-link").href = `/login?returnTo=${encodeURIComponent(here())}`;
  const me = await api<Me>("GET", "/api/v1/me");
  const signedIn: Who | null = me.ok ? { sub: me.body.subject, roles: me.body.roles || [] } : null;
  who = signedIn;
  // A panel names the roles it is for; the gateway checks them again on every call.
  for (const section of document.querySelectorAll<HTMLElement>(".needs-token")) {
    const wanted = (section.dataset.roles || "").split(" ").filter(Boolean);
    section.hidden = !signedIn || (wanted.length > 0 && !wanted.some((r) => signedIn.roles.includes(r)));
  }
  byId("signed-in").hidden = !signedIn;
  byId("signed-out").hidden = Boolean(signedIn);
  byId("who").textContent = signedIn ? `${signedIn.sub} (${signedIn.roles.join(", ")})` : "";
  noPanel(signedIn);
  if (signedIn) for (const fn of listeners) fn(signedIn);
  // Signed in and nothing focused yet: start at the first panel's heading rather than <body>.
  const heading =
    signedIn && document.activeElement === document.body && document.querySelector<HTMLElement>(".needs-token:not([hidden]) h2");
  if (heading) {
    heading.tabIndex = -1;
    heading.focus();
  }
}

// Signed in with a role that has no panel here: say what it can do elsewhere, never an empty page.
// The console alone has the note, and its words with it.
function noPanel(signedIn: Who | null): void {
  const note = document.getElementById("no-panel");
  const words = data.desk?.noPanel;
  if (!note || !words) return;
  const none = Boolean(signedIn) && !document.querySelector(".needs-token:not([hidden])");
  note.hidden = !none;
  if (!none || !signedIn) return;
  const staff = signedIn.roles.includes("staff");
  byId("no-panel-text").textContent = staff ? words.staff : words.other;
  byId("no-panel-link").hidden = !staff;
}

const desk: CrisisDesk<DeskData> = {
  data,
  api,
  problem,
  unavailable,
  onSignedIn(fn) {
    listeners.push(fn);
    // A script that comes after the sign-in was read is told at once.
    if (who) fn(who);
  },
};
window.crisisDesk = desk;
// The scripts after this one (deferred, in order) join through onSignedIn, whenever the answer comes.
void show();
