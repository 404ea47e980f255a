import { ChildProcess, spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { join } from "node:path";
import { NatsConnection } from "nats";
import { replaySubject } from "@crisis/platform";
import { freePort } from "@crisis/platform/testing";
import { repoRoot } from "../../deploy/embedded/system";

export interface ServiceInstance {
  readonly child: ChildProcess;
  readonly grpcPort: number;
  readonly readyz: () => Promise<{ checks: Record<string, boolean> } | undefined>;
}

/**
 * One instance of a leased service (facilities, staffing) as its own process on free ports, its log
 * in `logDir/<name>.log`: a take-over test starts two and kills one at an exact point.
 */
export async function serviceInstance(
  service: "facilities" | "staffing",
  natsUrl: string,
  logDir: string,
  name: string,
  env: Record<string, string> = {},
): Promise<ServiceInstance> {
  const health = await freePort();
  const grpcPort = await freePort();
  const prefix = service.toUpperCase();
  const child = spawn(process.execPath, ["--import", "tsx", join("services", service, "src", "main.ts")], {
    cwd: repoRoot,
    env: {
      ...process.env,
      NATS_URL: natsUrl,
      [`${prefix}_GRPC_PORT`]: String(grpcPort),
      [`${prefix}_HEALTH_PORT`]: String(health),
      LEASE_TTL_MS: "2000",
      LOG_LEVEL: "info",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logFile = join(logDir, `${name}.log`);
  const log = createWriteStream(logFile);
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  // An instance that exited says so, rather than leaving a wait to time out (or to read another process on its port).
  const readyz = async () => {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`${service} ${name} exited (${child.exitCode ?? child.signalCode}); see ${logFile}`);
    return fetch(`http://127.0.0.1:${health}/readyz`).then(
      async (r) => (await r.json()) as { checks: Record<string, boolean> },
      () => undefined,
    );
  };
  return { child, grpcPort, readyz };
}

/** How many events a stream holds per subject. */
export async function storedSubjects(nc: NatsConnection, stream: string): Promise<Record<string, number>> {
  const jsm = await nc.jetstreamManager();
  return (await jsm.streams.info(stream, { subjects_filter: ">" })).state.subjects ?? {};
}

/** The event ids (Nats-Msg-Id) a stream holds, in order: a take-over must store none twice. */
export async function storedEventIds(nc: NatsConnection, stream: string): Promise<string[]> {
  const ids: string[] = [];
  await replaySubject(nc.jetstream(), await nc.jetstreamManager(), stream, ">", (msg) => ids.push(msg.headers?.get("Nats-Msg-Id") ?? ""));
  return ids;
}

/** The ids that appear more than once. */
export const repeated = (ids: readonly string[]) => ids.filter((id, i) => ids.indexOf(id) !== i);
