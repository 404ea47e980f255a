import { generateKeyPair } from "jose";
import { FakeClock } from "@crisis/platform";
import { oidcTokens } from "../../../src/adapters/auth/tokens";
import { LocalIdp, startLocalIdp } from "./local-idp";

describe("bearer tokens of the city's identity provider, checked against its JWKS over HTTP", () => {
  let idp: LocalIdp;
  const clock = new FakeClock("2026-07-28T07:30:00Z");
  let verify: ReturnType<typeof oidcTokens>;
  const bearer = (token: string) => `Bearer ${token}`;

  beforeAll(async () => {
    idp = await startLocalIdp();
    verify = oidcTokens({ issuer: idp.issuer, audience: idp.audience, jwksUrl: idp.jwksUrl, rolesClaim: "roles" }, clock);
  });
  afterAll(() => idp.stop());

  it("names the caller and the app roles it knows, ignoring others", async () => {
    const token = await idp.sign({ sub: "oid-123", roles: ["manager", "approver", "Global.Admin"] }, { now: clock.now() });
    expect(await verify(bearer(token))).toEqual({ subject: "oid-123", roles: ["manager", "approver"] });
  });

  it("reads the roles from a nested claim when configured so", async () => {
    const nested = oidcTokens(
      { issuer: idp.issuer, audience: idp.audience, jwksUrl: idp.jwksUrl, rolesClaim: "realm_access.roles" },
      clock,
    );
    const token = await idp.sign({ sub: "u", realm_access: { roles: ["staff"] } }, { now: clock.now() });
    expect(await nested(bearer(token))).toEqual({ subject: "u", roles: ["staff"] });
  });

  it.each([
    ["an expired token", { now: new Date(clock.now().getTime() - 7200_000), expiresInSeconds: 3600 }, /expired/],
    ["a token not yet valid", { now: clock.now(), notBefore: new Date(clock.now().getTime() + 3600_000) }, /not yet valid/],
    ["a token for another audience", { now: clock.now(), audience: "api://someone-else" }, /"aud"/],
  ])("refuses %s with 401 AUTH_INVALID saying why", async (_what, options, why) => {
    const token = await idp.sign({ sub: "u", roles: ["manager"] }, options);
    await expect(verify(bearer(token))).rejects.toMatchObject({ status: 401, code: "AUTH_INVALID", message: expect.stringMatching(why) });
  });

  it("refuses a token signed with a key the identity provider does not publish", async () => {
    const { privateKey } = await generateKeyPair("RS256");
    const token = await idp.sign({ sub: "u", roles: ["manager"] }, { now: clock.now(), key: privateKey });
    await expect(verify(bearer(token))).rejects.toMatchObject({ status: 401, code: "AUTH_INVALID", message: /signature/ });
  });

  it("refuses an unsigned token (alg: none) even when it claims every role", async () => {
    const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString("base64url");
    const iat = Math.floor(clock.now().getTime() / 1000);
    const claims = { sub: "u", roles: ["manager"], iss: idp.issuer, aud: idp.audience, iat, exp: iat + 3600 };
    const token = `${encode({ alg: "none", typ: "JWT" })}.${encode(claims)}.`;
    await expect(verify(bearer(token))).rejects.toMatchObject({ status: 401, code: "AUTH_INVALID" });
  });

  it("asks for a token when there is none or the header is not a bearer", async () => {
    await expect(verify(undefined)).rejects.toMatchObject({ status: 401, code: "AUTH_REQUIRED" });
    await expect(verify("Basic dXNlcjpwYXNz")).rejects.toMatchObject({ status: 401, code: "AUTH_REQUIRED" });
  });

  it("answers 503 when the identity provider's keys cannot be fetched, rather than calling the token bad", async () => {
    const unreachable = oidcTokens(
      { issuer: idp.issuer, audience: idp.audience, jwksUrl: "http://127.0.0.1:1/keys", rolesClaim: "roles" },
      clock,
    );
    const token = await idp.sign({ sub: "u", roles: ["manager"] }, { now: clock.now() });
    await expect(unreachable(bearer(token))).rejects.toMatchObject({ status: 503, code: "IDENTITY_PROVIDER_UNAVAILABLE" });
  });
});
