import { createPublicKey, createPrivateKey, KeyObject } from "node:crypto";
import { JWTVerifyGetKey, SignJWT, createRemoteJWKSet, errors as joseErrors, jwtVerify } from "jose";
import { Clock } from "@crisis/platform";
import { errors } from "../../domain/errors";

/** The roles a token can carry; anonymous callers carry none. */
export const roles = ["manager", "approver", "facility_admin", "staffing_officer", "staff"] as const;
export type Role = (typeof roles)[number];

export interface Principal {
  subject: string;
  roles: Role[];
}

/** Checks an Authorization header and says who is calling; refuses with 401 AUTH_REQUIRED or AUTH_INVALID. */
export type TokenVerifier = (authorization: string | undefined) => Promise<Principal>;

/** The city's identity provider (Entra ID in production): where its keys are and what its tokens say. */
export interface OidcSettings {
  issuer: string;
  audience: string;
  jwksUrl: string;
  /** Claim holding the app roles, a dotted path for nested claims (Entra ID: `roles`). */
  rolesClaim: string;
}

const embedded = { issuer: "crisis-hub", audience: "crisis-hub/gateway" };

/** Ed25519 keys travel as the JWK "x" (public) and "d" (private) values, base64url. */
export const publicKeyFrom = (x: string): KeyObject => createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x }, format: "jwk" });
export const privateKeyFrom = (x: string, d: string): KeyObject =>
  createPrivateKey({ key: { kty: "OKP", crv: "Ed25519", x, d }, format: "jwk" });

/** Signs a token the embedded run's gateway accepts (npm run token, tests). */
export async function signToken(key: KeyObject, subject: string, tokenRoles: Role[], ttlSeconds: number, now: Date): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({ roles: tokenRoles })
    .setProtectedHeader({ alg: "EdDSA" })
    .setSubject(subject)
    .setIssuer(embedded.issuer)
    .setAudience(embedded.audience)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds)
    .sign(key);
}

/** The embedded run's tokens: signed with this installation's own Ed25519 key (TOKEN_PUBLIC_KEY). */
export function embeddedTokens(key: KeyObject, clock: Clock): TokenVerifier {
  return (authorization) => verify(authorization, clock, key, { ...embedded, algorithms: ["EdDSA"], rolesClaim: "roles" });
}

/** Only asymmetric algorithms: a shared-secret or unsigned token must never pass. */
const oidcAlgorithms = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"];

/** Tokens of the city's identity provider, checked against its JWKS (fetched once, refetched for an unknown key id). */
export function oidcTokens(settings: OidcSettings, clock: Clock): TokenVerifier {
  const jwks = createRemoteJWKSet(new URL(settings.jwksUrl), { timeoutDuration: 5_000 });
  return (authorization) => verify(authorization, clock, jwks, { ...settings, algorithms: oidcAlgorithms });
}

/** The roles a token's claims name (a dotted path for nested claims); names the gateway does not know are left out. */
export function rolesIn(payload: Record<string, unknown>, rolesClaim: string): Role[] {
  const claimed = rolesClaim.split(".").reduce<unknown>((at, name) => (at as Record<string, unknown> | undefined)?.[name], payload);
  const list: unknown[] = Array.isArray(claimed) ? claimed : typeof claimed === "string" ? [claimed] : [];
  return list.filter((r): r is Role => (roles as readonly string[]).includes(r as string));
}

interface Expectations {
  issuer: string;
  audience: string;
  algorithms: string[];
  rolesClaim: string;
}

async function verify(authorization: string | undefined, clock: Clock, key: KeyObject | JWTVerifyGetKey, expect: Expectations) {
  const token = /^Bearer (\S+)$/.exec(authorization ?? "")?.[1];
  if (!token) throw errors.authRequired();
  try {
    const { payload } = await jwtVerify(token, key as JWTVerifyGetKey, {
      issuer: expect.issuer,
      audience: expect.audience,
      algorithms: expect.algorithms,
      currentDate: clock.now(),
      requiredClaims: ["sub", "exp"],
    });
    return { subject: String(payload.sub), roles: rolesIn(payload, expect.rolesClaim) };
  } catch (err) {
    if (err instanceof joseErrors.JWKSTimeout || err instanceof joseErrors.JWKSInvalid || !(err instanceof joseErrors.JOSEError)) {
      throw errors.identityProviderUnavailable();
    }
    throw errors.authInvalid(reasonFor(err));
  }
}

function reasonFor(err: InstanceType<typeof joseErrors.JOSEError>): string {
  if (err instanceof joseErrors.JWTExpired) return "expired";
  if (err instanceof joseErrors.JWTClaimValidationFailed && err.claim === "nbf") return "not yet valid";
  if (err instanceof joseErrors.JWTClaimValidationFailed)
    return `claim "${err.claim}" ${err.reason === "check_failed" ? "does not match" : err.reason}`;
  if (err instanceof joseErrors.JOSEAlgNotAllowed) return "signing algorithm not accepted";
  if (err instanceof joseErrors.JWKSNoMatchingKey || err instanceof joseErrors.JWSSignatureVerificationFailed)
    return "signature not recognised";
  return "malformed token";
}
