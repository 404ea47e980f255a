import { generateKeyPairSync, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** The roles of the gateway, each with its own account on the dev provider (login = the role's name). */
export const roleAccounts = ["manager", "approver", "staffing_officer", "facility_admin"] as const;

/** The dev identity provider's own secrets, kept in its directory under ./var (never in git). */
export interface ProviderKeys {
  /** Signing keys (private JWKs), newest first: the first signs, the one before it still verifies. */
  signing: Record<string, string>[];
  /** Keys for the provider's own cookies (interaction and session). */
  cookies: string[];
}

const keysFile = (dir: string) => join(dir, "keys.json");
/** The running provider writes its process id here, so a rotation can tell it to load the new key. */
export const pidFile = (dir: string) => join(dir, "pid");

function newSigningKey(): Record<string, string> {
  const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = privateKey.export({ format: "jwk" }) as Record<string, string>;
  return { ...jwk, alg: "ES256", use: "sig", kid: randomBytes(9).toString("base64url") };
}

const save = (dir: string, keys: ProviderKeys) => {
  mkdirSync(dir, { recursive: true });
  writeFileSync(keysFile(dir), JSON.stringify(keys, null, 2), { mode: 0o600 });
  return keys;
};

export function loadOrCreateProviderKeys(dir: string): ProviderKeys {
  if (existsSync(keysFile(dir))) return JSON.parse(readFileSync(keysFile(dir), "utf8"));
  return save(dir, { signing: [newSigningKey()], cookies: [randomBytes(32).toString("base64url")] });
}

/**
 * A new signing key goes first; the previous one stays published (tokens it signed still verify)
 * and older ones go. The running provider picks the file up on SIGHUP.
 */
export function rotateSigningKey(dir: string): { kid: string } {
  const keys = loadOrCreateProviderKeys(dir);
  const fresh = newSigningKey();
  save(dir, { ...keys, signing: [fresh, ...keys.signing.slice(0, 1)] });
  return { kid: fresh.kid };
}

/** Tells the provider running on this directory (if any) to load its keys again; false when none runs. */
export function signalProvider(dir: string): boolean {
  if (!existsSync(pidFile(dir))) return false;
  try {
    process.kill(Number(readFileSync(pidFile(dir), "utf8")), "SIGHUP");
    return true;
  } catch {
    return false;
  }
}
