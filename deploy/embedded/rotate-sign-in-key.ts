import { join } from "node:path";
import { rotateSigningKey, signalProvider } from "./identity-provider-keys";
import { repoRoot } from "./system";

/**
 * npm run sign-in-key:rotate: the dev identity provider signs with a new key from now on; the previous
 * one stays published, so sign-ins made before go on. A running provider loads it at once (SIGHUP).
 */
const dir = join(repoRoot, "var", "identity-provider");
const { kid } = rotateSigningKey(dir);
const told = signalProvider(dir);
process.stdout.write(
  `new signing key ${kid} in var/identity-provider/keys.json; ${told ? "the running provider uses it now" : "used from the next start"}\n`,
);
