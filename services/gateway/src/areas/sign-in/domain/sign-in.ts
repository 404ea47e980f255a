/** Where a person goes after signing in when they asked for nowhere, or for somewhere not allowed. */
export const defaultReturnTo = "/console";

/**
 * The path to send a person back to after sign-in: only a path on this site, so /login cannot be
 * used to send people elsewhere (open redirect). Refused: absolute URLs, scheme-relative "//host",
 * backslashes (browsers read "/\host" as "//host"), control characters, and anything not starting "/".
 */
export function safeReturnTo(asked: unknown): string {
  if (typeof asked !== "string" || asked.length === 0 || asked.length > 2_000) return defaultReturnTo;
  if (!asked.startsWith("/") || asked.startsWith("//") || asked.includes("\\")) return defaultReturnTo;
  if ([...asked].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return defaultReturnTo;
  // The path as a browser resolves it against this site must stay on this site.
  const base = "http://this.site";
  const resolved = new URL(asked, base);
  if (resolved.origin !== base) return defaultReturnTo;
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF protection for writes that a session cookie authenticates. SameSite=Lax already keeps the
 * cookie off cross-site POSTs, but not off posts from another origin of the same site (another port
 * or subdomain); so a cookie-authenticated unsafe request must also come from this very origin:
 * Sec-Fetch-Site "same-origin" when the browser sends it, else an Origin equal to ours. A request
 * with neither is refused: every current browser sends at least one on a POST.
 */
export function sameOriginWrite(method: string, headers: Record<string, string | string[] | undefined>, ownOrigins: readonly string[]) {
  if (safeMethods.has(method.toUpperCase())) return true;
  const site = headers["sec-fetch-site"];
  if (typeof site === "string") return site === "same-origin";
  const origin = headers.origin;
  return typeof origin === "string" && ownOrigins.includes(origin);
}
