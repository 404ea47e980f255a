import { createECDH, generateKeyPairSync, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/** The secrets of one installation, created on first start and kept under ./var (never in git). */
export interface InstallationKeys {
  /** VAPID (RFC 8292): P-256, public as an uncompressed point, both base64url. */
  vapid: { publicKey: string; privateKey: string };
  /** Token signing (Ed25519), as JWK x and d. */
  token: { x: string; d: string };
  /** Encrypts the pages' session cookie (SESSION_KEY, 32 bytes base64url). */
  session: string;
  /** The pages' client at the dev identity provider, and the one password of its seeded accounts. */
  signIn: { clientSecret: string; password: string };
}

const secret = (bytes: number) => randomBytes(bytes).toString("base64url");
const signInSecrets = () => ({ session: secret(32), signIn: { clientSecret: secret(24), password: secret(9) } });

export function createKeys(): InstallationKeys {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  const { privateKey } = generateKeyPairSync("ed25519");
  const jwk = privateKey.export({ format: "jwk" });
  const privateScalar = ecdh.getPrivateKey();
  return {
    vapid: {
      publicKey: ecdh.getPublicKey().toString("base64url"),
      privateKey: Buffer.concat([Buffer.alloc(32 - privateScalar.length), privateScalar]).toString("base64url"),
    },
    token: { x: jwk.x!, d: jwk.d! },
    ...signInSecrets(),
  };
}

export function loadOrCreateKeys(path: string): { keys: InstallationKeys; created: boolean } {
  if (existsSync(path)) {
    const kept = JSON.parse(readFileSync(path, "utf8")) as InstallationKeys;
    if (kept.session && kept.signIn) return { keys: kept, created: false };
    // An installation from before sign-in: its other keys stay, the sign-in secrets are added.
    const keys = { ...kept, ...signInSecrets() };
    writeFileSync(path, JSON.stringify(keys, null, 2), { mode: 0o600 });
    return { keys, created: false };
  }
  mkdirSync(dirname(path), { recursive: true });
  const keys = createKeys();
  writeFileSync(path, JSON.stringify(keys, null, 2), { mode: 0o600 });
  return { keys, created: true };
}
