import { KeyObject, createPrivateKey, sign } from "node:crypto";
import { Clock } from "@crisis/platform";

export interface VapidKeys {
  subject: string;
  publicKey: string;
  privateKey: string;
}

/** Tokens live 12 h (RFC 8292 allows 24) and are renewed when less than an hour is left. */
const lifetimeSeconds = 12 * 3600;
const renewWithinSeconds = 3600;

/**
 * RFC 8292 `Authorization: vapid t=…, k=…`, signed once per push-service origin and reused
 * until near its expiry: one ES256 signature per origin and half-day instead of per message.
 */
export function vapidAuthorizer(keys: VapidKeys, clock: Clock) {
  const publicKey = Buffer.from(keys.publicKey, "base64url");
  const key: KeyObject = createPrivateKey({
    key: {
      kty: "EC",
      crv: "P-256",
      d: keys.privateKey,
      x: publicKey.subarray(1, 33).toString("base64url"),
      y: publicKey.subarray(33, 65).toString("base64url"),
    },
    format: "jwk",
  });
  const cache = new Map<string, { header: string; exp: number }>();
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return (origin: string): string => {
    const now = Math.floor(clock.now().getTime() / 1000);
    const cached = cache.get(origin);
    if (cached && cached.exp - now > renewWithinSeconds) return cached.header;
    const exp = now + lifetimeSeconds;
    const unsigned = `${encode({ typ: "JWT", alg: "ES256" })}.${encode({ aud: origin, exp, sub: keys.subject })}`;
    const signature = sign("sha256", Buffer.from(unsigned), { key, dsaEncoding: "ieee-p1363" }).toString("base64url");
    const header = `vapid t=${unsigned}.${signature}, k=${keys.publicKey}`;
    cache.set(origin, { header, exp });
    return header;
  };
}
