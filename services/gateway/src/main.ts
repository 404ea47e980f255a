import { newId, runService, streams, systemClock } from "@crisis/platform";
import { publicKeyFrom } from "./adapters/auth/tokens";
import { serviceClients } from "./adapters/grpc/clients";
import { buildHttpServer } from "./adapters/http/server";
import { jetStreamModeLog } from "./adapters/nats/mode-log";
import { readConfig } from "./config";

runService({
  name: "gateway",
  readConfig,
  ports: (c) => ({ http: c.GATEWAY_PORT }),
  streams: [streams.mode],
  wire: async (config, backbone, logger, readiness) => {
    const services = serviceClients({
      facilities: config.FACILITIES_GRPC,
      staffing: config.STAFFING_GRPC,
      notify: config.NOTIFY_GRPC,
      deadlineMs: config.GRPC_DEADLINE_MS,
    });
    const app = buildHttpServer({
      logger,
      readiness,
      tokenKey: publicKeyFrom(config.TOKEN_PUBLIC_KEY),
      clock: systemClock,
      modes: { modes: jetStreamModeLog(backbone), clock: systemClock, newId },
      services,
    });
    return {
      http: { listen: async (host, port) => void (await app.listen({ host, port })), close: () => app.close() },
      workers: [{ name: "close gRPC clients", stop: async () => services.close() }],
    };
  },
});
