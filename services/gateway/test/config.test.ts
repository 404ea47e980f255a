import { identityOf, readConfig, signInOf } from "../src/config";

const oidc = {
  OIDC_ISSUER: "https://login.microsoftonline.com/tenant/v2.0",
  OIDC_AUDIENCE: "api://crisis-hub",
  OIDC_JWKS_URL: "https://login.microsoftonline.com/tenant/discovery/v2.0/keys",
};

describe("the gateway's identity settings", () => {
  it("takes the identity provider's issuer, audience and JWKS URL without an embedded key, roles claim defaulting to roles", () => {
    expect(identityOf(readConfig(oidc))).toEqual({
      kind: "oidc",
      issuer: oidc.OIDC_ISSUER,
      audience: oidc.OIDC_AUDIENCE,
      jwksUrl: oidc.OIDC_JWKS_URL,
      rolesClaim: "roles",
    });
  });

  it("names the OIDC settings missing when only some are given", () => {
    expect(() => readConfig({ OIDC_AUDIENCE: oidc.OIDC_AUDIENCE })).toThrow(
      /OIDC_ISSUER: is required with OIDC_AUDIENCE; OIDC_JWKS_URL: is required/,
    );
  });

  it("turns sign-in for the pages on only with the provider's client and a session key, a shift long by default", () => {
    const key = { TOKEN_PUBLIC_KEY: "a".repeat(43) };
    expect(signInOf(readConfig(key))).toBeUndefined();
    expect(() => readConfig({ ...key, OIDC_CLIENT_ID: "crisis-hub" })).toThrow(
      /OIDC_ISSUER: is required with OIDC_CLIENT_ID; OIDC_CLIENT_SECRET: is required with OIDC_CLIENT_ID; SESSION_KEY: is required/,
    );
    expect(() => readConfig({ ...key, SESSION_KEY: "short" })).toThrow(/SESSION_KEY: must be 32 random bytes/);
    const signIn = {
      OIDC_ISSUER: oidc.OIDC_ISSUER,
      OIDC_CLIENT_ID: "crisis-hub",
      OIDC_CLIENT_SECRET: "s3cret",
      SESSION_KEY: "b".repeat(43),
    };
    expect(signInOf(readConfig({ ...key, ...signIn }))).toMatchObject({
      issuer: oidc.OIDC_ISSUER,
      clientId: "crisis-hub",
      sessionHours: 12,
    });
    expect(() => readConfig({ ...key, ...signIn, SESSION_HOURS: "48" })).toThrow(/SESSION_HOURS/);
    // Sign-in at the issuer does not by itself switch bearer tokens to it: the embedded key still counts.
    expect(identityOf(readConfig({ ...key, ...signIn })).kind).toBe("embedded");
  });

  it("asks for the embedded key when no identity provider is configured", () => {
    expect(() => readConfig({})).toThrow(/TOKEN_PUBLIC_KEY: must be an Ed25519 public key \(JWK x\) unless OIDC_ISSUER/);
    expect(identityOf(readConfig({ TOKEN_PUBLIC_KEY: "a".repeat(43) }))).toEqual({ kind: "embedded", publicKey: "a".repeat(43) });
  });

  it("believes X-Forwarded-For from no proxy unless told which (addresses, networks, named ranges), and names a bad one", () => {
    const key = { TOKEN_PUBLIC_KEY: "a".repeat(43) };
    expect(readConfig(key).TRUST_PROXY).toBe(false);
    expect(readConfig({ ...key, TRUST_PROXY: "10.0.0.0/8, 127.0.0.1, ::1, uniquelocal" }).TRUST_PROXY).toEqual([
      "10.0.0.0/8",
      "127.0.0.1",
      "::1",
      "uniquelocal",
    ]);
    expect(() => readConfig({ ...key, TRUST_PROXY: "10.0.0.0/33" })).toThrow(/TRUST_PROXY: must be the proxies' addresses/);
    // A hop count cannot tell the proxy from a client that sends the header itself.
    expect(() => readConfig({ ...key, TRUST_PROXY: "1" })).toThrow(/TRUST_PROXY/);
    expect(() => readConfig({ ...key, TRUST_PROXY: "caddy" })).toThrow(/TRUST_PROXY/);
  });
});

describe("the gateway's waiting figures setting", () => {
  const key = { TOKEN_PUBLIC_KEY: "a".repeat(43) };
  it("takes WAITING_STALE_MINUTES (60 by default) and refuses at start a value that is not whole minutes within a day, naming it", () => {
    expect(readConfig(key).WAITING_STALE_MINUTES).toBe(60);
    expect(readConfig({ ...key, WAITING_STALE_MINUTES: "15" }).WAITING_STALE_MINUTES).toBe(15);
    for (const bad of ["0", "1441", "1.5", "soon"])
      expect(() => readConfig({ ...key, WAITING_STALE_MINUTES: bad })).toThrow(/WAITING_STALE_MINUTES/);
  });
});
