import { generateKeyPairSync } from "node:crypto";
import pino from "pino";
import { Backbone, FakeClock, connectBackbone, createReadiness, ensureStreams, streams } from "@crisis/platform";
import { NatsServerHandle, freePort, startNatsServer } from "@crisis/platform/testing";
import { Facility } from "@crisis/platform/contracts/facilities";
import { privateKeyFrom, publicKeyFrom, signToken } from "../../src/adapters/auth/tokens";
import { serviceClients } from "../../src/adapters/grpc/clients";
import { EdgeOptions } from "../../src/adapters/http/edge";
import { buildHttpServer } from "../../src/adapters/http/server";
import { jetStreamModeLog } from "../../src/adapters/nats/mode-log";
import { jetStreamStatusEvents, statusStreamHeads } from "../../src/adapters/nats/status-feed";
import { LiveStatus } from "../../src/app/follow-status";
import { FacilitiesDirectory } from "../../src/app/ports";
import { statusStreams } from "../../src/domain/status-view";

export interface GatewayOptions {
  /** The registry facilities lists; unset: facilities is down. */
  registry?: Facility[];
  heartbeatMs?: number;
  maxClients?: number;
  edge?: Partial<EdgeOptions>;
}

/**
 * A gateway on a free port against a real nats-server, as main.ts wires it; the other services
 * are down, and the facility registry is the list given (as facilities would list it).
 */
export async function startGateway(options: GatewayOptions = {}) {
  const nats: NatsServerHandle = await startNatsServer();
  const logger = pino({ level: "silent" });
  const backbone: Backbone = await connectBackbone(nats.url, "gateway-test", logger);
  await ensureStreams(backbone.jsm, [streams.mode, streams.facility, streams.service]);
  const down = `127.0.0.1:${await freePort()}`;
  const services = serviceClients({ facilities: down, staffing: down, notify: down, deadlineMs: 300 });
  const clock = new FakeClock("2026-07-28T07:30:00Z");
  const directory: FacilitiesDirectory = options.registry ? { list: async () => structuredClone(options.registry!) } : services.directory;
  const statusEvents = jetStreamStatusEvents(backbone);
  const live = new LiveStatus({ events: statusEvents, directory, clock, retryMs: 100 });
  await live.start();
  const jwk = generateKeyPairSync("ed25519").privateKey.export({ format: "jwk" });
  let ids = 0;
  const readiness = createReadiness();
  readiness.add("status", live.ready);
  const app = buildHttpServer({
    logger,
    readiness,
    tokenKey: publicKeyFrom(jwk.x!),
    clock,
    modes: { modes: jetStreamModeLog(backbone), clock, newId: () => `mode-${++ids}` },
    services,
    live: {
      status: live,
      events: statusEvents,
      sse: { maxClients: options.maxClients ?? 100, heartbeatMs: options.heartbeatMs ?? 60_000 },
      feeds: { publicBaseUrl: "https://crisis.example.jp", capSender: "kikikanri@city.kumamoto.lg.jp" },
      lag: async () => {
        const heads = await statusStreamHeads(backbone);
        return Object.fromEntries(statusStreams.map((s) => [s, heads[s] - live.position[s]]));
      },
    },
    edge: {
      corsOrigins: [],
      hsts: false,
      rateLimit: { perIp: 1_000_000, perToken: 1_000_000, windowMs: 60_000 },
      ...options.edge,
    },
  });
  const base = await app.listen({ host: "127.0.0.1", port: 0 });
  const token = async (roles: string[] = ["manager"], subject = "m@city") =>
    signToken(privateKeyFrom(jwk.x!, jwk.d!), subject, roles as never, 3600, clock.now());
  return {
    nats,
    backbone,
    app,
    live,
    clock,
    base,
    token,
    async stop() {
      await app.close();
      await live.stop();
      services.close();
      await backbone.nc.close();
      await nats.stop();
    },
  };
}

export type Gateway = Awaited<ReturnType<typeof startGateway>>;

export const facility = (over: Partial<Facility>): Facility => ({
  id: "shelter:1",
  name: "熊本市立五福小学校",
  category: "school",
  ward: "中央区",
  address: "熊本市中央区細工町1-1",
  latitude: 32.8061,
  longitude: 130.7006,
  designatedShelter: true,
  status: 1,
  statusReason: "",
  statusSince: "",
  ...over,
});
