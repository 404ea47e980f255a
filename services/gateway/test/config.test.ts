import { identityOf, readConfig } from "../src/config";

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
    expect(() => readConfig({ OIDC_ISSUER: oidc.OIDC_ISSUER })).toThrow(
      /OIDC_AUDIENCE: is required with OIDC_ISSUER; OIDC_JWKS_URL: is required/,
    );
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
