import { NatsConnection, connect } from "nats";
import pino, { Logger } from "pino";
import { Backbone, connectBackbone } from "../jetstream/connect";
import { StreamSpec, ensureStreams } from "../jetstream/streams";
import { NatsServerHandle, startNatsServer } from "./nats-server";

/** What a suite's hooks set up, read inside its tests (reading it before the suite has started throws). */
function once<T extends object>(what: string, fields: Partial<T>): T {
  return new Proxy(fields, {
    get(target, key) {
      const value = target[key as keyof T];
      if (value === undefined)
        throw new Error(`${what}: ${String(key)} is there once the suite has started (read it inside a test or hook)`);
      return value;
    },
  }) as T;
}

/**
 * For a jest suite (call it inside `describe`): a nats-server with JetStream started before the suite's
 * tests, with a plain connection to it; after them the connection is closed and the server stopped.
 */
export function natsServerForSuite(): { readonly server: NatsServerHandle; readonly nc: NatsConnection } {
  const set: { server?: NatsServerHandle; nc?: NatsConnection } = {};
  beforeAll(async () => {
    set.server = await startNatsServer();
    set.nc = await connect({ servers: set.server.url });
  });
  afterAll(async () => {
    await set.nc?.close();
    await set.server?.stop();
  });
  return once("natsServerForSuite", set);
}

export interface BackboneSuiteOptions {
  logger?: Logger;
  /** The set-up's time limit (a loaded machine takes longer to start a server). */
  timeoutMs?: number;
  /** What the suite stops before the backbone is drained (watchers, consumers). */
  beforeStop?: () => unknown;
}

/**
 * For a jest suite (call it inside `describe`): a nats-server with JetStream and a service's backbone
 * connected to it as `name`, its streams ensured, before the suite's tests (the suite's own `beforeAll`,
 * declared after, runs once they are there); after them `beforeStop`, the backbone drained, the server stopped.
 */
export function backboneForSuite(
  name: string,
  specs: StreamSpec[],
  { logger = pino({ level: "silent" }), timeoutMs, beforeStop }: BackboneSuiteOptions = {},
): { readonly server: NatsServerHandle; readonly backbone: Backbone } {
  const set: { server?: NatsServerHandle; backbone?: Backbone } = {};
  beforeAll(async () => {
    set.server = await startNatsServer();
    set.backbone = await connectBackbone(set.server.url, name, logger);
    await ensureStreams(set.backbone.jsm, specs);
  }, timeoutMs);
  afterAll(async () => {
    await beforeStop?.();
    await set.backbone?.nc.drain();
    await set.server?.stop();
  });
  return once("backboneForSuite", set);
}
