import { createECDH, createDecipheriv, createPublicKey, hkdfSync, verify } from "node:crypto";

/**
 * The user agent's side of Web Push, for tests: decrypting an aes128gcm message (RFC 8291)
 * and checking the sender's VAPID token (RFC 8292). Written from the RFCs, independent of
 * the web-push library that the services use to encrypt and sign.
 */

export interface UserAgentKeys {
  ecdh: ReturnType<typeof createECDH>;
  publicKey: Buffer;
  authSecret: Buffer;
}

export function decryptAes128gcm(body: Buffer, keys: UserAgentKeys): string {
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body[20];
  const senderPublicKey = body.subarray(21, 21 + idLength);
  const ciphertext = body.subarray(21 + idLength);
  if (ciphertext.length > recordSize) throw new Error("more than one record; a push message must fit one record");
  const sharedSecret = keys.ecdh.computeSecret(senderPublicKey);
  const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0"), keys.publicKey, senderPublicKey]);
  const ikm = Buffer.from(hkdfSync("sha256", sharedSecret, keys.authSecret, keyInfo, 32));
  const cek = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: aes128gcm\0"), 16));
  const nonce = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: nonce\0"), 12));
  const decipher = createDecipheriv("aes-128-gcm", cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error("last record lacks the 0x02 padding delimiter");
  return padded.subarray(0, end).toString("utf8");
}

export interface VapidCheck {
  ok: boolean;
  reason?: string;
  claims?: { aud: string; exp: number; sub: string };
}

/** Checks `Authorization: vapid t=<jwt>, k=<key>`: ES256 signature, audience and expiry. */
export function checkVapid(authorization: string | undefined, origin: string, nowSeconds: number, expectedKey?: string): VapidCheck {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(authorization ?? "");
  if (!match) return { ok: false, reason: `no vapid authorization header: ${authorization}` };
  const [, token, key] = match;
  if (expectedKey && key !== expectedKey) return { ok: false, reason: "k is not the server's VAPID public key" };
  const [headerPart, payloadPart, signaturePart] = token.split(".");
  const header = JSON.parse(Buffer.from(headerPart, "base64url").toString());
  if (header.alg !== "ES256") return { ok: false, reason: `alg ${header.alg}` };
  const raw = Buffer.from(key, "base64url");
  const publicKey = createPublicKey({
    key: { kty: "EC", crv: "P-256", x: raw.subarray(1, 33).toString("base64url"), y: raw.subarray(33, 65).toString("base64url") },
    format: "jwk",
  });
  const signed = verify(
    "sha256",
    Buffer.from(`${headerPart}.${payloadPart}`),
    { key: publicKey, dsaEncoding: "ieee-p1363" },
    Buffer.from(signaturePart, "base64url"),
  );
  if (!signed) return { ok: false, reason: "signature does not verify" };
  const claims = JSON.parse(Buffer.from(payloadPart, "base64url").toString());
  if (claims.aud !== origin) return { ok: false, reason: `aud ${claims.aud} is not ${origin}` };
  if (!(claims.exp > nowSeconds && claims.exp <= nowSeconds + 24 * 3600)) return { ok: false, reason: `exp ${claims.exp} not within 24 h` };
  if (!/^(mailto:|https:)/.test(claims.sub ?? "")) return { ok: false, reason: `sub ${claims.sub}` };
  return { ok: true, claims };
}
