import Fastify from "fastify";
import secureSession from "@fastify/secure-session";
import { freePort } from "@crisis/platform/testing";
import { oidcSignIn } from "../../../../src/adapters/auth/sign-in";
import { sessionCookie } from "../../../../src/areas/sign-in/http/routes";
import { Gateway, startGateway } from "../../../support/gateway";

const sessionKey = Buffer.alloc(32, 7).toString("base64url");

/** A session cookie as the gateway would write it after a sign-in, sealed with the same key. */
async function sealedSession(who: { subject: string; roles: string[]; until: number }) {
  const sealer = Fastify();
  await sealer.register(secureSession, { key: Buffer.from(sessionKey, "base64url"), cookieName: sessionCookie });
  await sealer.ready();
  const cookie = sealer.encodeSecureSession(sealer.createSecureSession({ who: { ...who, idToken: "id-token" } }));
  await sealer.close();
  return `${sessionCookie}=${encodeURIComponent(cookie)}`;
}

describe("signing in to the pages: the session cookie, its writes, and a provider that is down", () => {
  let gw: Gateway;
  let cookie: string;
  let issuer: string;

  beforeAll(async () => {
    // Nothing listens at the issuer: the city's provider is down.
    issuer = `http://127.0.0.1:${await freePort()}`;
    gw = await startGateway({
      signIn: {
        provider: oidcSignIn({ issuer, clientId: "crisis-hub", clientSecret: "s3cret", rolesClaim: "roles" }),
        issuer,
        sessionKey,
        sessionHours: 12,
        publicBaseUrl: "http://127.0.0.1",
      },
      registry: [],
    });
    cookie = await sealedSession({ subject: "manager@city", roles: ["manager"], until: gw.clock.now().getTime() + 3_600_000 });
  });
  afterAll(() => gw?.stop());

  const call = (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
    fetch(`${gw.base}${path}`, {
      method,
      redirect: "manual",
      headers: { ...headers, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it("lets サインアウト's form go on to the provider's end-session page: form-action names the provider's origin, and no other", async () => {
    const csp = (await call("GET", "/console", {})).headers.get("content-security-policy") ?? "";
    expect(csp).toContain(`form-action 'self' ${issuer};`);
  });

  it("lets the signed-in person read with the cookie alone, no token", async () => {
    const res = await call("GET", "/api/v1/mode/pending", { cookie });
    expect(res.status).toBe(200);
    expect((await call("GET", "/api/v1/mode/pending", {})).status).toBe(401);
  });

  it("refuses a cookie-authenticated write posted from another origin (403 problem+json), and accepts one from this origin", async () => {
    const forged = await call("POST", "/api/v1/mode", { cookie, origin: "http://evil.example", "sec-fetch-site": "cross-site" }, {});
    expect(forged.status).toBe(403);
    expect(forged.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect((await forged.json()).code).toBe("CROSS_ORIGIN_WRITE");
    // Another port of the same site: SameSite=Lax would send the cookie, the origin check still refuses.
    const sameSite = await call("POST", "/api/v1/mode", { cookie, "sec-fetch-site": "same-site" }, {});
    expect(sameSite.status).toBe(403);
    const noOrigin = await call("POST", "/api/v1/mode", { cookie }, {});
    expect(noOrigin.status).toBe(403);
    // From the page itself it reaches the body check: past sign-in and the origin check.
    const own = await call("POST", "/api/v1/mode", { cookie, origin: gw.base }, {});
    expect(own.status).toBe(422);
    expect((await own.json()).code).toBe("BODY_INVALID");
    const fetched = await call("POST", "/api/v1/mode", { cookie, "sec-fetch-site": "same-origin" }, {});
    expect(fetched.status).toBe(422);
  });

  it("still lets a bearer token write from anywhere: API clients send no cookie", async () => {
    const res = await call(
      "POST",
      "/api/v1/mode",
      { authorization: `Bearer ${await gw.token(["manager"])}`, origin: "http://evil.example" },
      {},
    );
    expect(res.status).toBe(422);
  });

  it("sends the person to sign in again once the shift is over", async () => {
    const ended = await sealedSession({ subject: "manager@city", roles: ["manager"], until: gw.clock.now().getTime() - 1 });
    const res = await call("GET", "/api/v1/mode/pending", { cookie: ended });
    expect(res.status).toBe(401);
    expect((await res.json()).code).toBe("AUTH_REQUIRED");
  });

  it("ends the session on a same-origin POST /logout, and refuses one from another origin", async () => {
    expect((await call("POST", "/logout", { cookie, origin: "http://evil.example" })).status).toBe(403);
    // The provider is down, so there is no sign-out there to go to: back to the status page.
    const out = await call("POST", "/logout", { cookie, origin: gw.base });
    expect(out.status).toBe(303);
    expect(out.headers.get("location")).toBe("http://127.0.0.1/");
    expect(out.headers.get("set-cookie")).toMatch(new RegExp(`^${sessionCookie}=;.*Max-Age=0`, "i"));
  });

  it("tells the page who is signed in, and signs out from its サインアウト form (text/plain, no fields)", async () => {
    const me = await call("GET", "/api/v1/me", { cookie });
    expect(await me.json()).toEqual({ subject: "manager@city", roles: ["manager"] });
    expect((await call("GET", "/api/v1/me", {})).status).toBe(401);
    const out = await call("POST", "/logout", { cookie, origin: gw.base, "content-type": "text/plain" });
    expect(out.status).toBe(303);
    expect(out.headers.get("set-cookie")).toMatch(new RegExp(`^${sessionCookie}=;.*Max-Age=0`, "i"));
  });

  it("says the identity provider is unavailable when it is down, and the public status still answers", async () => {
    const login = await call("GET", "/login?returnTo=/staff", {});
    expect(login.status).toBe(503);
    expect((await login.json()).code).toBe("IDENTITY_PROVIDER_UNAVAILABLE");
    expect((await call("GET", "/api/v1/status", {})).status).toBe(200);
  });

  it("refuses a callback the browser did not start", async () => {
    const res = await call("GET", "/login/callback?code=x&state=y", {});
    expect(res.status).toBe(400);
    expect((await res.json()).code).toBe("SIGN_IN_FAILED");
  });
});
