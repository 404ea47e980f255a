import { join } from "node:path";
import { launchNatsServer } from "@crisis/platform";
import { roleAccounts } from "./identity-provider-keys";
import { loadOrCreateKeys } from "./keys";
import { defaultPorts, repoRoot, startSystem } from "./system";

/** The embedded default: nats-server and the four services on this machine, state under ./var. */
async function main() {
  const varDir = join(repoRoot, "var");
  const natsPort = Number(process.env.NATS_PORT ?? 4222);
  const { keys, created } = loadOrCreateKeys(join(varDir, "keys.json"));
  const nats = await launchNatsServer(natsPort, join(varDir, "nats"));
  const ports = { ...defaultPorts, gateway: Number(process.env.GATEWAY_PORT ?? defaultPorts.gateway) };
  const base = `http://localhost:${ports.gateway}`;
  let system;
  try {
    system = await startSystem({
      natsUrl: `nats://127.0.0.1:${nats.port}`,
      keys,
      ports,
      logDir: join(varDir, "log"),
      publicBaseUrl: base,
      identityDir: join(varDir, "identity-provider"),
    });
  } catch (err) {
    nats.child.kill("SIGTERM");
    throw err;
  }
  process.stdout.write(
    [
      "",
      `crisis hub is up (${created ? "new installation: keys created in var/keys.json" : "state kept from the last run"})`,
      "",
      `  status page    ${base}/            (citizens: open it, subscribe to notifications)`,
      `  console        ${base}/console     (managers: sign in, declare)`,
      `  staff page     ${base}/staff`,
      `  gateway API    ${base}/api/v1`,
      `  status         ${base}/api/v1/status`,
      `  mode           ${base}/api/v1/mode`,
      `  push key       ${base}/api/v1/push/public-key`,
      `  health         ${base}/healthz  ${base}/readyz`,
      `  NATS           nats://127.0.0.1:${nats.port} (JetStream data in var/nats)`,
      `  logs           var/log/<service>.log`,
      "",
      `  sign in        ${base}/login   (at the dev identity provider, ${system.identityProvider.issuer})`,
      `    user name    ${roleAccounts.join(" | ")}   or a staff id from the roster (e.g. SYN-00001)`,
      `    password     ${keys.signIn.password}   (every dev account; kept in var/keys.json)`,
      "    new signing key at the provider: npm run sign-in-key:rotate",
      "  API clients    bearer tokens: npm run token -- --role manager",
      "",
      "Ctrl-C stops everything.",
      "",
    ].join("\n"),
  );
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    process.stdout.write("stopping services…\n");
    await system.stop();
    nats.child.kill("SIGTERM");
    await nats.exited();
    process.stdout.write("stopped.\n");
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch((err: Error) => {
  process.stderr.write(`could not start: ${err.message}\n`);
  process.exit(1);
});
