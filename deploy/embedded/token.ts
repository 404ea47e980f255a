import { join } from "node:path";
import { parseArgs } from "node:util";
import { Role, privateKeyFrom, roles, signToken } from "../../services/gateway/src/adapters/auth/tokens";
import { loadOrCreateKeys } from "./keys";
import { repoRoot } from "./system";

/** Prints a bearer token signed with this installation's key: npm run token -- --role manager [--sub id] [--hours 12]. */
async function main() {
  const { values } = parseArgs({
    options: { role: { type: "string", default: "manager" }, sub: { type: "string" }, hours: { type: "string", default: "12" } },
  });
  const role = values.role as Role;
  if (!roles.includes(role)) throw new Error(`--role must be one of ${roles.join(", ")}`);
  const hours = Number(values.hours);
  if (!(hours > 0 && hours <= 24 * 30)) throw new Error("--hours must be between 0 and 720");
  const { keys } = loadOrCreateKeys(join(repoRoot, "var", "keys.json"));
  const token = await signToken(
    privateKeyFrom(keys.token.x, keys.token.d),
    values.sub ?? `${role}@embedded`,
    [role],
    hours * 3600,
    new Date(),
  );
  process.stdout.write(`${token}\n`);
}

main().catch((err: Error) => {
  process.stderr.write(`${err.message}\n`);
  process.exit(2);
});
