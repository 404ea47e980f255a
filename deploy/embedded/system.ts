import { ChildProcess, spawn } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import { join } from "node:path";
import { childExited, waitUntil } from "@crisis/platform";
import { InstallationKeys } from "./keys";

export const repoRoot = join(__dirname, "..", "..");

export const serviceNames = ["facilities", "staffing", "notify", "gateway"] as const;
export type ServiceName = (typeof serviceNames)[number];

export interface SystemPorts {
  gateway: number;
  facilitiesGrpc: number;
  staffingGrpc: number;
  notifyGrpc: number;
  facilitiesHealth: number;
  staffingHealth: number;
  notifyHealth: number;
  /** The dev identity provider the pages sign in at. */
  identityProvider: number;
}

export const defaultPorts: SystemPorts = {
  gateway: 8080,
  facilitiesGrpc: 50051,
  staffingGrpc: 50052,
  notifyGrpc: 50053,
  facilitiesHealth: 8081,
  staffingHealth: 8082,
  notifyHealth: 8083,
  identityProvider: 8090,
};

export interface SystemOptions {
  natsUrl: string;
  keys: InstallationKeys;
  ports: SystemPorts;
  logDir: string;
  publicBaseUrl: string;
  /** Where the dev identity provider keeps its signing keys (rotated with `npm run sign-in-key:rotate`). */
  identityDir: string;
  /** Settings passed to every service on top of the computed ones (PUSH_ALLOWED_ORIGINS, NODE_EXTRA_CA_CERTS…). */
  env?: Record<string, string>;
}

export interface RunningSystem {
  /** SIGTERM to every service, gateway first, and wait for each to exit. */
  stop(): Promise<void>;
  /** SIGKILL one service, as a crash would. */
  kill(name: ServiceName): Promise<void>;
  /** Start one service again and wait until it is ready. */
  start(name: ServiceName): Promise<void>;
  readyUrl(name: ServiceName): string;
  /** Sends a signal to one process (SIGHUP: the identity provider loads its keys again). */
  signal(name: ServiceName | "identity-provider", signal: NodeJS.Signals): void;
  /** The dev identity provider the pages sign in at: its issuer URL and the directory of its keys. */
  identityProvider: { issuer: string; dir: string };
}

/** The pages' client at the dev identity provider. */
export const signInClientId = "crisis-hub-pages";

/** The dev identity provider's address: the same host name as the pages, so a browser reaches both alike. */
export const issuerOf = (o: Pick<SystemOptions, "publicBaseUrl" | "ports">) =>
  `http://${new URL(o.publicBaseUrl).hostname}:${o.ports.identityProvider}`;

function serviceEnv(o: SystemOptions): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NATS_URL: o.natsUrl,
    GATEWAY_PORT: String(o.ports.gateway),
    FACILITIES_GRPC_PORT: String(o.ports.facilitiesGrpc),
    STAFFING_GRPC_PORT: String(o.ports.staffingGrpc),
    NOTIFY_GRPC_PORT: String(o.ports.notifyGrpc),
    FACILITIES_HEALTH_PORT: String(o.ports.facilitiesHealth),
    STAFFING_HEALTH_PORT: String(o.ports.staffingHealth),
    NOTIFY_HEALTH_PORT: String(o.ports.notifyHealth),
    FACILITIES_GRPC: `127.0.0.1:${o.ports.facilitiesGrpc}`,
    STAFFING_GRPC: `127.0.0.1:${o.ports.staffingGrpc}`,
    NOTIFY_GRPC: `127.0.0.1:${o.ports.notifyGrpc}`,
    VAPID_PUBLIC_KEY: o.keys.vapid.publicKey,
    VAPID_PRIVATE_KEY: o.keys.vapid.privateKey,
    TOKEN_PUBLIC_KEY: o.keys.token.x,
    PUBLIC_BASE_URL: o.publicBaseUrl,
    OIDC_ISSUER: issuerOf(o),
    OIDC_CLIENT_ID: signInClientId,
    OIDC_CLIENT_SECRET: o.keys.signIn.clientSecret,
    SESSION_KEY: o.keys.session,
    ...o.env,
  };
}

function identityProviderEnv(o: SystemOptions): NodeJS.ProcessEnv {
  return {
    ...serviceEnv(o),
    IDP_ISSUER: issuerOf(o),
    IDP_DIR: o.identityDir,
    IDP_PASSWORD: o.keys.signIn.password,
    IDP_CLIENT_ID: signInClientId,
    IDP_CLIENT_SECRET: o.keys.signIn.clientSecret,
    IDP_REDIRECT_URI: new URL("/login/callback", o.publicBaseUrl).href,
    IDP_POST_LOGOUT_URI: new URL("/", o.publicBaseUrl).href,
  };
}

/** The cause a service logged before it exited: its last fatal or error line's message, else its last line. */
export function causeFrom(output: string): string {
  const lines = output.split("\n").filter((l) => l.trim());
  const parsed = lines.map((line) => {
    try {
      return JSON.parse(line) as { level?: number; msg?: string };
    } catch {
      return { msg: line };
    }
  });
  return (parsed.filter((p) => (p.level ?? 0) >= 50).pop() ?? parsed.pop())?.msg ?? "it logged nothing";
}

/** Polls a readiness URL until it answers 200; a child that exits first fails the start, saying why. */
async function waitReady(url: string, child: ChildProcess, name: string, logFile: string, output: () => string): Promise<void> {
  await waitUntil(
    async () => {
      if (child.exitCode !== null)
        throw new Error(`${name} exited with ${child.exitCode} during start: ${causeFrom(output())} (see ${logFile})`);
      return fetch(url).then(
        (r) => r.ok,
        () => false,
      );
    },
    `${name} ready (see ${logFile})`,
    // Longer than a service's own start limits (START_*_TIMEOUT_MS), so the service says which ran out.
    300_000,
    100,
  );
}

/** Starts the four services and the dev identity provider as separate processes (each its own Node process, TypeScript via tsx). */
export async function startSystem(options: SystemOptions): Promise<RunningSystem> {
  mkdirSync(options.logDir, { recursive: true });
  const env = serviceEnv(options);
  const children = new Map<ServiceName | "identity-provider", ChildProcess>();
  const issuer = issuerOf(options);
  const readyUrl = (name: ServiceName) => {
    const port = {
      gateway: options.ports.gateway,
      facilities: options.ports.facilitiesHealth,
      staffing: options.ports.staffingHealth,
      notify: options.ports.notifyHealth,
    }[name];
    return `http://127.0.0.1:${port}/readyz`;
  };
  const launch = async (name: ServiceName | "identity-provider", script: string, ready: string) => {
    const logFile = join(options.logDir, `${name}.log`);
    const log = createWriteStream(logFile, { flags: "a" });
    const child = spawn(process.execPath, ["--import", "tsx", script], {
      cwd: repoRoot,
      env: name === "identity-provider" ? identityProviderEnv(options) : env,
      stdio: ["ignore", "pipe", "pipe"],
      // Its own process group: Ctrl-C reaches only the supervisor, which sends one SIGTERM to each
      // service in order, instead of every process getting SIGINT and then SIGTERM at once.
      detached: true,
    });
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
    // The last few kilobytes of output, to say why the service stopped if it exits during start.
    let tail = "";
    const keep = (chunk: Buffer) => (tail = (tail + chunk.toString()).slice(-16_384));
    child.stdout!.on("data", keep);
    child.stderr!.on("data", keep);
    children.set(name, child);
    await waitReady(ready, child, name, logFile, () => tail);
  };
  const start = (name: ServiceName) => launch(name, join("services", name, "src", "main.ts"), readyUrl(name));
  const stopOne = async (name: ServiceName | "identity-provider") => {
    const child = children.get(name);
    if (!child) return;
    child.kill("SIGTERM");
    await childExited(child);
    children.delete(name);
  };
  try {
    await Promise.all([
      ...serviceNames.filter((n) => n !== "gateway").map(start),
      launch("identity-provider", join("deploy", "embedded", "identity-provider.ts"), `${issuer}/.well-known/openid-configuration`),
    ]);
    await start("gateway");
  } catch (err) {
    for (const child of children.values()) child.kill("SIGKILL");
    throw err;
  }
  return {
    async stop() {
      await stopOne("gateway");
      await Promise.all([...serviceNames.filter((n) => n !== "gateway"), "identity-provider" as const].map(stopOne));
    },
    async kill(name) {
      const child = children.get(name);
      if (!child) return;
      child.kill("SIGKILL");
      await childExited(child);
      children.delete(name);
    },
    start,
    readyUrl,
    signal: (name, signal) => void children.get(name)?.kill(signal),
    identityProvider: { issuer, dir: options.identityDir },
  };
}
