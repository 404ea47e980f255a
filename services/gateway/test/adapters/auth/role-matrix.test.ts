import { NatsServerHandle, startNatsServer } from "@crisis/platform/testing";
import { Role, roles } from "../../../src/adapters/auth/tokens";
import { declaredRoutes } from "../../../src/adapters/http/route-catalogue";
import { signInApi } from "../../../src/areas/sign-in/http/routes";
import { GatewayUnderTest, startGateway } from "../gateway-under-test";
import { LocalIdp, signInAt, startLocalIdp } from "./local-idp";

const declaration = { incident: "flood", level: "alert", wards: ["南区"], reason: "緑川 氾濫危険水位" };

/**
 * Requests that reach further than an empty one would, by route; any route without an entry is
 * called with its parameters filled with "sample-1" and no body.
 */
const samples: Record<string, { body?: unknown; headers?: Record<string, string> }> = {
  "POST /api/v1/mode": { body: declaration },
  "POST /api/v1/mode/preview": { body: declaration },
  "DELETE /api/v1/subscriptions/:id": { headers: { "x-unsubscribe-token": "t" } },
  // A stream never ends by itself: a position it cannot resume from is refused at once (400), past auth.
  "GET /api/v1/events": { headers: { "last-event-id": "not-a-position" } },
  // The sign-out form, as posted from the site's own page.
  "POST /logout": { headers: { "sec-fetch-site": "same-origin" } },
};

const signInRoutes: string[] = Object.values(signInApi).map(({ route }) => route);

const callers: (Role | "anonymous")[] = ["anonymous", ...roles];

/** Every declared route (declareRoute, next to its handler) × every caller, allowed by the declared roles. */
const cases = declaredRoutes.flatMap(({ route, roles: declared }) =>
  callers.map((caller) => {
    const allowed = !declared || (caller !== "anonymous" && declared.includes(caller));
    return { route, caller, expected: allowed ? "allowed" : caller === "anonymous" ? "401" : "403" };
  }),
);

describe("who may call which route", () => {
  let nats: NatsServerHandle;
  let idp: LocalIdp;
  let gw: GatewayUnderTest;

  // With the pages' sign-in configured (at the local provider), so that /login, /login/callback and /logout are served too.
  beforeAll(async () => {
    [nats, idp] = await Promise.all([startNatsServer(), startLocalIdp()]);
    gw = await startGateway(nats, idp, { signIn: signInAt(idp) });
  });
  afterAll(async () => {
    await gw.stop();
    await Promise.all([nats.stop(), idp.stop()]);
  });

  it("covers every route the gateway serves, and serves every route declared", () => {
    const declared: string[] = declaredRoutes.map(({ route }) => route);
    expect(gw.routes.filter((route) => !declared.includes(route))).toEqual([]);
    expect(declared.filter((route) => !gw.routes.includes(route))).toEqual([]);
    expect(signInRoutes).toEqual(["GET /login", "GET /login/callback", "POST /logout"]);
  });

  it("serves the declared sign-in routes: off to the provider, a callback this browser did not start refused, signed out", async () => {
    const login = await gw.call("GET", "/login?returnTo=%2Fconsole", { redirect: "manual" });
    expect(login.status).toBe(302);
    expect(login.headers.get("location")).toMatch(
      new RegExp(`^${idp.issuer.replace("/tenant/v2.0", "")}/authorize\\?.*code_challenge_method=S256`),
    );
    const callback = await gw.call("GET", "/login/callback?code=c&state=s", { redirect: "manual" });
    expect(callback.body).toMatchObject({ status: 400, code: "SIGN_IN_FAILED" });
    const logout = await gw.call("POST", "/logout", { ...samples["POST /logout"], redirect: "manual" });
    expect(logout.status).toBe(303);
  });

  it.each(cases)("$route as $caller: $expected", async ({ route, caller, expected }) => {
    const [method, url] = route.split(" ");
    const sample = samples[route] ?? {};
    const res = await gw.call(method, url.replace(/:\w+/g, "sample-1"), {
      ...sample,
      redirect: "manual",
      as: caller === "anonymous" ? undefined : { roles: [caller] },
    });
    if (expected === "allowed") expect([401, 403]).not.toContain(res.status);
    else if (expected === "401") expect(res.body).toMatchObject({ status: 401, code: "AUTH_REQUIRED" });
    else expect(res.body).toMatchObject({ status: 403, code: "ROLE_FORBIDDEN" });
  });
});
