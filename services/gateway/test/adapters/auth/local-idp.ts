import { AddressInfo } from "node:net";
import { Server, createServer } from "node:http";
import { JWTPayload, KeyLike, SignJWT, exportJWK, generateKeyPair } from "jose";
import { oidcSignIn } from "../../../src/adapters/auth/sign-in";

/** A stand-in for the city's identity provider: its discovery document and JWKS served over HTTP on a free port, and a signer. */
export interface LocalIdp {
  issuer: string;
  audience: string;
  jwksUrl: string;
  /** Signs a token; by default valid for an hour from `now`, for this issuer and audience, with the IdP's key. */
  sign(claims: JWTPayload, options?: SignOptions): Promise<string>;
  stop(): Promise<void>;
}

export interface SignOptions {
  now?: Date;
  expiresInSeconds?: number;
  notBefore?: Date;
  audience?: string;
  /** A key the IdP does not publish, as an attacker's would be. */
  key?: KeyLike;
}

export async function startLocalIdp(): Promise<LocalIdp> {
  const { publicKey, privateKey } = await generateKeyPair("RS256");
  const jwk = { ...(await exportJWK(publicKey)), kid: "idp-key-1", alg: "RS256", use: "sig" };
  // Its discovery document too, so that the pages' sign-in (openid-client) finds where to send people.
  const discovery = () => ({
    issuer,
    authorization_endpoint: `${origin}/authorize`,
    token_endpoint: `${origin}/token`,
    end_session_endpoint: `${origin}/logout`,
    jwks_uri: `${origin}/keys`,
  });
  const server: Server = createServer((req, res) => {
    const body =
      req.url === "/keys" ? { keys: [jwk] } : req.url === "/tenant/v2.0/.well-known/openid-configuration" ? discovery() : undefined;
    res.writeHead(body ? 200 : 404, { "content-type": "application/json" });
    res.end(JSON.stringify(body ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = `${origin}/tenant/v2.0`;
  const audience = "api://crisis-hub";
  return {
    issuer,
    audience,
    jwksUrl: `${origin}/keys`,
    async sign(claims, options = {}) {
      const iat = Math.floor((options.now ?? new Date()).getTime() / 1000);
      const jwt = new SignJWT(claims)
        .setProtectedHeader({ alg: "RS256", kid: jwk.kid })
        .setIssuer(issuer)
        .setAudience(options.audience ?? audience)
        .setIssuedAt(iat)
        .setExpirationTime(iat + (options.expiresInSeconds ?? 3600));
      if (options.notBefore) jwt.setNotBefore(Math.floor(options.notBefore.getTime() / 1000));
      return jwt.sign(options.key ?? privateKey);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // The verifier's keep-alive connection would otherwise hold the close open.
        server.closeAllConnections();
      }),
  };
}

/** The pages' sign-in at this provider, as main.ts configures it when OIDC_ISSUER is set: the gateway then serves /login too. */
export const signInAt = (idp: LocalIdp) => ({
  provider: oidcSignIn({ issuer: idp.issuer, clientId: "crisis-hub", clientSecret: "s3cret", rolesClaim: "roles" }),
  issuer: idp.issuer,
  sessionKey: Buffer.alloc(32, 7).toString("base64url"),
  sessionHours: 12,
  publicBaseUrl: "http://127.0.0.1",
});
