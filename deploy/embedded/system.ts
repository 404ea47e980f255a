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
}

export const defaultPorts: SystemPorts = {
  gateway: 8080,
  facilitiesGrpc: 50051,
  staffingGrpc: 50052,
  notifyGrpc: 50053,
  facilitiesHealth: 8081,
  staffingHealth: 8082,
  notifyHealth: 8083,
};

export interface SystemOptions {
  natsUrl: string;
  keys: InstallationKeys;
  ports: SystemPorts;
  logDir: string;
  publicBaseUrl: string;
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
}

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
    ...o.env,
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

/** Starts the four services as separate processes (each its own Node process, TypeScript via tsx). */
export async function startSystem(options: SystemOptions): Promise<RunningSystem> {
  mkdirSync(options.logDir, { recursive: true });
  const env = serviceEnv(options);
  const children = new Map<ServiceName, ChildProcess>();
  const readyUrl = (name: ServiceName) => {
    const port = {
      gateway: options.ports.gateway,
      facilities: options.ports.facilitiesHealth,
      staffing: options.ports.staffingHealth,
      notify: options.ports.notifyHealth,
    }[name];
    return `http://127.0.0.1:${port}/readyz`;
  };
  const start = async (name: ServiceName) => {
    const logFile = join(options.logDir, `${name}.log`);
    const log = createWriteStream(logFile, { flags: "a" });
    const child = spawn(process.execPath, ["--import", "tsx", join("services", name, "src", "main.ts")], {
      cwd: repoRoot,
      env,
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
    await waitReady(readyUrl(name), child, name, logFile, () => tail);
  };
  const stopOne = async (name: ServiceName) => {
    const child = children.get(name);
    if (!child) return;
    child.kill("SIGTERM");
    await childExited(child);
    children.delete(name);
  };
  try {
    await Promise.all(serviceNames.filter((n) => n !== "gateway").map(start));
    await start("gateway");
  } catch (err) {
    for (const child of children.values()) child.kill("SIGKILL");
    throw err;
  }
  return {
    async stop() {
      await stopOne("gateway");
      await Promise.all(serviceNames.filter((n) => n !== "gateway").map(stopOne));
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
  };
}
