import { ServiceDefinition, UntypedServiceImplementation } from "@grpc/grpc-js";
import { Logger } from "pino";
import { Readiness, createReadiness, startHealthServer } from "./health";
import { Backbone, connectBackbone } from "./jetstream/connect";
import { Lease, acquireLease } from "./jetstream/lease";
import { limitReplays } from "./jetstream/replay";
import { countDeadLetters } from "./jetstream/dead-letters";
import { countDeadLettersWith } from "./metrics";
import { StreamSpec, ensureStreams, streams as backboneStreams } from "./jetstream/streams";
import { startGrpcServer } from "./grpc/server";
import { CommonSettings } from "./config";
import { useCityTimeZone } from "./contracts/city-time";
import { createLogger } from "./logger";
import { ShutdownStep, onShutdown } from "./shutdown";
import { stateRegister, streamNameOf } from "./state/register";
import { watchState } from "./state/watch";

/** An HTTP server a service brings itself (the gateway's API); it serves /healthz and /readyz too. */
export interface ServiceHttpServer {
  listen(host: string, port: number): Promise<void>;
  /** Stops accepting connections and finishes in-flight requests. */
  close(): Promise<void>;
}

export interface Wiring {
  /** gRPC services to serve on the `grpc` port; a service with none starts no gRPC server. */
  grpc?: { definition: ServiceDefinition; implementation: UntypedServiceImplementation }[];
  /** Served on the `http` port once wired, and stopped first on shutdown. */
  http?: ServiceHttpServer;
  /** Background work (consumers, clients) to stop before NATS is drained. */
  workers: { name: string; stop: () => Promise<void> }[];
  /** Figures worth one line in the start-up log. */
  facts?: Record<string, unknown>;
}

/** Where a service listens: a back-end service has gRPC and a health port, the gateway only its HTTP port. */
export interface ServicePorts {
  grpc?: number;
  health?: number;
  http?: number;
}

export interface ServiceSpec<C extends CommonSettings> {
  name: string;
  /** Reads and validates the environment; a ConfigError names the variable at fault. */
  readConfig: () => C;
  ports: (config: C) => ServicePorts;
  streams: StreamSpec[];
  /**
   * One active instance at a time (its state is one in-memory model fed by shared durable
   * consumers): every other instance waits as a standby, not ready, until the lease is free.
   */
  singleActive?: boolean;
  /** Builds the service on the connected backbone; `readiness` is what /readyz reports. */
  wire: (config: C, backbone: Backbone, logger: Logger, readiness: Readiness) => Promise<Wiring>;
}

const deadLetterStream = backboneStreams.deadLetter;

/**
 * The same start for every service: health endpoints first (when the service has a health port),
 * then NATS and the streams, the service's own wiring, its gRPC and HTTP servers, and a shutdown
 * that stops taking work, finishes in-flight work and drains NATS. A failure to start is logged
 * and exits non-zero.
 */
export function runService<C extends CommonSettings>({
  name,
  readConfig,
  ports: portsOf,
  streams,
  singleActive,
  wire,
}: ServiceSpec<C>): void {
  const start = async () => {
    const config = readConfig();
    useCityTimeZone(config.CITY_TIME_ZONE);
    const ports = portsOf(config);
    const logger = createLogger(name, config.LOG_LEVEL);
    const readiness = createReadiness();
    const health = ports.health === undefined ? undefined : await startHealthServer(config.BIND_HOST, ports.health, readiness);
    const backbone = await connectBackbone(config.NATS_URL, name, logger, {
      connectMs: config.START_NATS_TIMEOUT_MS,
      requestMs: config.JETSTREAM_REQUEST_TIMEOUT_MS,
    });
    limitReplays(config.START_REPLAY_TIMEOUT_MS);
    // Every consumer parks what it gives up on in the dead-letter stream, so every service ensures it.
    await ensureStreams(backbone.jsm, [...streams, deadLetterStream], config.NATS_STREAM_REPLICAS, config.START_JETSTREAM_TIMEOUT_MS);
    countDeadLettersWith(() => countDeadLetters(backbone.jsm));
    // A standby is ready (it can take over, so rollouts and disruption budgets count it) and says it
    // stands by; it serves nothing until it holds the lease, and is ready again once wired.
    let active = !singleActive;
    if (singleActive) readiness.add("standby", () => true);
    const lease = singleActive ? await holdLease(name, config, backbone, logger) : undefined;
    if (lease) {
      readiness.remove("standby");
      readiness.add("active", () => active && lease.held());
    }
    const wiring = await wire(config, backbone, logger, readiness);
    const grpc = wiring.grpc?.length ? await startGrpcServer(config.BIND_HOST, required(ports.grpc, "grpc"), wiring.grpc) : undefined;
    if (wiring.http) await wiring.http.listen(config.BIND_HOST, required(ports.http, "http"));
    readiness.add("nats", backbone.connected);
    const state = await watchState(backbone.jsm, stateOf(name, [...streams, deadLetterStream]), logger);
    readiness.add("state", state.present);
    active = true;
    logger.info({ grpcPort: grpc?.port, healthPort: health?.port, httpPort: wiring.http && ports.http, ...wiring.facts }, `${name} ready`);
    const steps: (ShutdownStep | false | undefined)[] = [
      wiring.http && { name: "stop HTTP (finishes in-flight requests)", run: () => wiring.http!.close() },
      grpc && { name: "stop gRPC", run: () => grpc.stop() },
      ...wiring.workers.map((w) => ({ name: w.name, run: w.stop })),
      lease && { name: "hand the lease to a standby", run: () => lease.release() },
      { name: "stop watching the state", run: async () => state.stop() },
      { name: "drain NATS", run: () => backbone.nc.drain() },
      health && { name: "stop health", run: () => health.stop() },
    ];
    onShutdown(
      logger,
      steps.filter((s): s is ShutdownStep => !!s),
    );
  };
  // Any exit during start (or a crash later) is one line naming the cause, which the embedded
  // run shows as is.
  const fail = (what: string) => (err: unknown) => {
    createLogger(name).fatal({ err }, `${name} ${what}: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  };
  process.on("uncaughtException", fail("crashed"));
  process.on("unhandledRejection", fail("crashed"));
  start().catch(fail("could not start"));
}

/** Waits as a standby until this instance holds the service's lease. */
function holdLease(name: string, config: CommonSettings, backbone: Backbone, logger: Logger): Promise<Lease> {
  return acquireLease(backbone.js, name, {
    ttlMs: config.LEASE_TTL_MS,
    replicas: config.NATS_STREAM_REPLICAS,
    logger,
    onStandby: (holder) => logger.info({ holder }, `standby: another ${name} instance is active; taking over when its lease lapses`),
    // Two active instances would both act on their own copy of the state: stop at once, restart as a standby.
    onLost: (why) => {
      logger.fatal({ why }, `${name} lost its lease; exiting so that only one instance is active`);
      process.exit(1);
    },
  });
}

/** What a service keeps its state in: the streams it uses and the buckets it owns, as the register lists them. */
const stateOf = (name: string, used: StreamSpec[]) =>
  stateRegister.filter((e) => used.some((s) => s.name === streamNameOf(e)) || (e.kind === "bucket" && e.owner === name));

function required(port: number | undefined, which: string): number {
  if (port === undefined) throw new Error(`the service serves ${which} but its ports name no ${which} port`);
  return port;
}
