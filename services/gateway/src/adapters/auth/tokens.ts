import { createPublicKey, createPrivateKey, KeyObject } from "node:crypto";
import { SignJWT, errors as joseErrors, jwtVerify } from "jose";
import { errors } from "../../domain/errors";

/** The roles a token can carry; anonymous callers carry none. */
export const roles = ["manager", "approver", "facility_admin", "staffing_officer", "staff"] as const;
export type Role = (typeof roles)[number];

export interface Principal {
  subject: string;
  roles: Role[];
}

const issuer = "crisis-hub";
const audience = "crisis-hub/gateway";

/** Ed25519 keys travel as the JWK "x" (public) and "d" (private) values, base64url. */
export const publicKeyFrom = (x: string): KeyObject => createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x }, format: "jwk" });
export const privateKeyFrom = (x: string, d: string): KeyObject =>
  createPrivateKey({ key: { kty: "OKP", crv: "Ed25519", x, d }, format: "jwk" });

export async function signToken(key: KeyObject, subject: string, tokenRoles: Role[], ttlSeconds: number, now: Date): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({ roles: tokenRoles })
    .setProtectedHeader({ alg: "EdDSA" })
    .setSubject(subject)
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds)
    .sign(key);
}

/** Checks a bearer token's signature, issuer, audience and expiry; returns who is calling. */
export async function verifyBearer(header: string | undefined, key: KeyObject, now: Date): Promise<Principal> {
  const token = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/.exec(header ?? "")?.[1];
  if (!token) throw errors.authRequired();
  try {
    const { payload } = await jwtVerify(token, key, { issuer, audience, algorithms: ["EdDSA"], currentDate: now });
    const claimed = Array.isArray(payload.roles) ? payload.roles : [];
    return { subject: String(payload.sub), roles: claimed.filter((r): r is Role => (roles as readonly string[]).includes(r)) };
  } catch (err) {
    if (err instanceof joseErrors.JOSEError) throw errors.authInvalid(err.code === "ERR_JWT_EXPIRED" ? "expired" : err.message);
    throw err;
  }
}
