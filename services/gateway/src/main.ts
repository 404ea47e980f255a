import { newId, runService, streams, systemClock } from "@crisis/platform";
import { embeddedTokens, oidcTokens, publicKeyFrom } from "./adapters/auth/tokens";
import { serviceClients } from "./adapters/grpc/clients";
import { buildHttpServer } from "./adapters/http/server";
import { jetStreamModeLog } from "./adapters/nats/mode-log";
import { oidcSettings, readConfig } from "./config";

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
    const oidc = oidcSettings(config);
    const app = buildHttpServer({
      logger,
      readiness,
      tokens: oidc ? oidcTokens(oidc, systemClock) : embeddedTokens(publicKeyFrom(config.TOKEN_PUBLIC_KEY!), systemClock),
      clock: systemClock,
      modes: { modes: jetStreamModeLog(backbone), clock: systemClock, newId },
      services,
    });
    return {
      http: { listen: async (host, port) => void (await app.listen({ host, port })), close: () => app.close() },
      workers: [{ name: "close gRPC clients", stop: async () => services.close() }],
      facts: { identity: oidc ? `OIDC ${oidc.issuer}` : "embedded key" },
    };
  },
});
