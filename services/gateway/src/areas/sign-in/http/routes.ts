import secureSession from "@fastify/secure-session";
import { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { Clock } from "@crisis/platform";
import { errors } from "../../../domain/errors";
import { safeReturnTo, sameOriginWrite } from "../domain/sign-in";
import { PendingSignIn, SignInProvider } from "../../../adapters/auth/sign-in";
import { Principal, Role } from "../../../adapters/auth/tokens";
import { declareRoute, serve } from "../../../adapters/http/declared-routes";
import { pageLang } from "../../../adapters/http/page-parts/page-lang";

declare module "@fastify/secure-session" {
  interface SessionData {
    /** Between /login and /login/callback. */
    pending: PendingSignIn;
    /** The signed-in person, until the end of their shift (`until`, ms since epoch). */
    who: { subject: string; roles: Role[]; until: number; idToken: string };
  }
}

export interface SignInOptions {
  provider: SignInProvider;
  /** The provider's address (OIDC_ISSUER): サインアウト's form goes on to it, so the CSP's form-action names its origin. */
  issuer: string;
  /** 32 bytes, base64url: encrypts and authenticates the cookie (libsodium secretbox). */
  sessionKey: string;
  sessionHours: number;
  publicBaseUrl: string;
  clock: Clock;
}

export const sessionCookie = "crisis_session";

/** Served only when sign-in is configured (OIDC_ISSUER and the session key); anyone may call them. */
export const signInApi = {
  login: declareRoute({
    method: "GET",
    url: "/login",
    summary:
      "Sign in to the pages (served when OIDC sign-in is configured): off to the identity provider (code + PKCE), back at /login/callback",
    // Not strict: the page's other parameters (lang) pass through to pageLang.
    query: z.object({
      returnTo: z.string().max(2048).optional().describe("the page to come back to (this site's own paths only; else /)"),
    }),
    responses: { 302: "to the identity provider's sign-in page" },
    problems: { 503: "IDENTITY_PROVIDER_UNAVAILABLE" },
  }),
  callback: declareRoute({
    method: "GET",
    url: "/login/callback",
    summary:
      "Where the identity provider sends the person back (its code and state; served when OIDC sign-in is configured): the session cookie is set for a shift",
    responses: { 302: "back to the page the sign-in started from, signed in" },
    problems: { 400: "SIGN_IN_FAILED: this browser did not start the sign-in, or the provider's answer was refused" },
  }),
  logout: declareRoute({
    method: "POST",
    url: "/logout",
    summary: "Sign out here and at the identity provider (served when OIDC sign-in is configured)",
    responses: { 303: "to the provider's end-session page (or to / when it has none)" },
    problems: { 403: "CROSS_ORIGIN_WRITE: the form must come from this site's own pages" },
  }),
};

/** Reads who signed in from the session cookie; writes need to come from this origin (CSRF). */
export type SessionPrincipal = (request: FastifyRequest) => Principal | undefined;

/**
 * Sign-in for the pages: GET /login sends the person to the provider (code + PKCE, state, nonce),
 * GET /login/callback completes it into an encrypted cookie session lasting a shift, POST /logout
 * ends it here and at the provider. The cookie is HttpOnly, SameSite=Lax, Secure behind HTTPS.
 */
export async function signInRoutes(app: FastifyInstance, options: SignInOptions): Promise<SessionPrincipal> {
  const base = new URL(options.publicBaseUrl);
  const maxAge = options.sessionHours * 3600;
  await app.register(secureSession, {
    key: Buffer.from(options.sessionKey, "base64url"),
    cookieName: sessionCookie,
    expiry: maxAge,
    cookie: { path: "/", httpOnly: true, sameSite: "lax", secure: base.protocol === "https:", maxAge },
  });
  const callbackUrl = new URL("/login/callback", base).href;
  const ownOrigins = (request: FastifyRequest) => [base.origin, `${request.protocol}://${request.host}`];

  serve(app, signInApi.login, async ({ request, reply, query }) => {
    const returnTo = safeReturnTo(query.returnTo);
    const { url, pending } = await options.provider.begin(callbackUrl, returnTo, pageLang(request, reply));
    request.session.set("pending", pending);
    return reply.header("cache-control", "no-store").redirect(url);
  });

  serve(app, signInApi.callback, async ({ request, reply }) => {
    const pending = request.session.get("pending");
    if (!pending) throw errors.signInFailed("this browser did not start the sign-in (no pending sign-in in its cookie)");
    request.session.set("pending", undefined);
    const signedIn = await options.provider.finish(new URL(request.url, base), pending).catch((err: unknown) => {
      if (err instanceof Error && "code" in err && (err as { code?: string }).code === "IDENTITY_PROVIDER_UNAVAILABLE") throw err;
      throw errors.signInFailed(err instanceof Error ? err.message : "the provider's answer was refused");
    });
    request.session.set("who", {
      subject: signedIn.subject,
      roles: signedIn.roles,
      idToken: signedIn.idToken,
      until: options.clock.now().getTime() + maxAge * 1000,
    });
    return reply.header("cache-control", "no-store").redirect(pending.returnTo);
  });

  serve(app, signInApi.logout, async ({ request, reply }) => {
    if (!sameOriginWrite(request.method, request.headers, ownOrigins(request))) throw errors.crossOriginWrite();
    const who = request.session.get("who");
    request.session.delete();
    const after = new URL("/", base).href;
    const atProvider = who ? await options.provider.endUrl(who.idToken, after).catch(() => undefined) : undefined;
    return reply.redirect(atProvider ?? after, 303);
  });

  return (request) => {
    const who = request.session.get("who");
    if (!who) return undefined;
    if (who.until <= options.clock.now().getTime()) {
      request.session.delete();
      return undefined;
    }
    if (!sameOriginWrite(request.method, request.headers, ownOrigins(request))) throw errors.crossOriginWrite();
    return { subject: who.subject, roles: who.roles };
  };
}

/** Pages for signed-in people: without a session, off to sign in and back here. */
export const signInFirst = (request: FastifyRequest, reply: FastifyReply) =>
  reply.redirect(`/login?returnTo=${encodeURIComponent(request.url)}`);
