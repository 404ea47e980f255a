import { ServiceDefinition, UntypedServiceImplementation } from "@grpc/grpc-js";
import { Logger } from "pino";
import { createReadiness, startHealthServer } from "./health";
import { Backbone, connectBackbone } from "./jetstream/connect";
import { StreamSpec, ensureStreams, streams as backboneStreams } from "./jetstream/streams";
import { startGrpcServer } from "./grpc/server";
import { CommonSettings } from "./config";
import { createLogger } from "./logger";
import { onShutdown } from "./shutdown";

export interface Wiring {
  grpc: { definition: ServiceDefinition; implementation: UntypedServiceImplementation }[];
  /** Background work (consumers) to stop before NATS is drained. */
  workers: { name: string; stop: () => Promise<void> }[];
  /** Figures worth one line in the start-up log. */
  facts?: Record<string, unknown>;
}

/**
 * The same start for every back-end service: health endpoints first, then NATS and the streams,
 * the service's own wiring, gRPC, and a shutdown that stops taking work, finishes in-flight work
 * and drains NATS. A failure to start is logged and exits non-zero.
 */
export interface ServiceSpec<C extends CommonSettings> {
  name: string;
  /** Reads and validates the environment; a ConfigError names the variable at fault. */
  readConfig: () => C;
  ports: (config: C) => { grpc: number; health: number };
  streams: StreamSpec[];
  wire: (config: C, backbone: Backbone, logger: Logger) => Promise<Wiring>;
}

const deadLetterStream = backboneStreams.deadLetter;

export function runService<C extends CommonSettings>({ name, readConfig, ports: portsOf, streams, wire }: ServiceSpec<C>): void {
  const start = async () => {
    const config = readConfig();
    const ports = portsOf(config);
    const logger = createLogger(name, config.LOG_LEVEL);
    const readiness = createReadiness();
    const health = await startHealthServer(config.BIND_HOST, ports.health, readiness);
    const backbone = await connectBackbone(config.NATS_URL, name, logger);
    // Every consumer parks what it gives up on in the dead-letter stream, so every service ensures it.
    await ensureStreams(backbone.jsm, [...streams, deadLetterStream], config.NATS_STREAM_REPLICAS);
    const wiring = await wire(config, backbone, logger);
    const grpc = await startGrpcServer(config.BIND_HOST, ports.grpc, wiring.grpc);
    readiness.add("nats", backbone.connected);
    logger.info({ grpcPort: grpc.port, healthPort: health.port, ...wiring.facts }, `${name} ready`);
    onShutdown(logger, [
      { name: "stop gRPC", run: () => grpc.stop() },
      ...wiring.workers.map((w) => ({ name: w.name, run: w.stop })),
      { name: "drain NATS", run: () => backbone.nc.drain() },
      { name: "stop health", run: () => health.stop() },
    ]);
  };
  start().catch((err) => {
    createLogger(name).fatal({ err }, `${name} failed to start`);
    process.exit(1);
  });
}
