import { z } from "zod";
import { cityTimeZoneSetting } from "./contracts/city-time";
import { defaultJetStreamRequestMs } from "./jetstream/connect";

/** Thrown at start when the environment does not satisfy a service's config schema. */
export class ConfigError extends Error {
  constructor(
    readonly variables: string[],
    message: string,
  ) {
    super(message);
    this.name = "ConfigError";
  }
}

/**
 * Reads a service's settings from the environment and validates them once, at start.
 * The message names every offending variable, so an operator can fix them in one go.
 */
export function loadConfig<S extends z.ZodObject>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const variable = String(issue.path[0] ?? "?");
    return { variable, text: `${variable}: ${issue.message}` };
  });
  throw new ConfigError(
    problems.map((p) => p.variable),
    `invalid configuration — ${problems.map((p) => p.text).join("; ")}`,
  );
}

/** Common zod pieces for settings that every service reads. */
export const settings = {
  port: (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback),
  /** One URL, or several separated by commas (the nodes of a cluster). */
  natsUrl: z
    .string()
    .regex(/^(nats|tls):\/\/[^\s,]+(,(nats|tls):\/\/[^\s,]+)*$/, "must be nats:// or tls:// URLs, separated by commas")
    .default("nats://127.0.0.1:4222"),
  /** JetStream replicas per stream: 1 embedded, 3 on a production cluster. */
  streamReplicas: z.coerce
    .number()
    .int()
    .refine((n) => n === 1 || n === 3 || n === 5, "must be 1, 3 or 5")
    .default(1),
  logLevel: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** `host:port`, or several instances as `ip:port,ip:port` (IPv4 addresses; one name behind a balancer otherwise). */
  grpcTarget: (fallback: string) =>
    z
      .string()
      .regex(/^([\w.-]+:\d+|\d+\.\d+\.\d+\.\d+:\d+(,\d+\.\d+\.\d+\.\d+:\d+)+)$/, "must be host:port, or ip:port separated by commas")
      .default(fallback),
  base64url: z.string().regex(/^[A-Za-z0-9_-]+$/, "must be base64url"),
};

/** The settings every service reads the same way: where NATS is, how it replicates, logging, bind address. */
export const commonSettings = {
  NATS_URL: settings.natsUrl.describe("Where NATS is: one URL, or a cluster's nodes separated by commas."),
  NATS_STREAM_REPLICAS: settings.streamReplicas.describe("JetStream replicas per stream: 1 embedded, 3 on a production cluster."),
  LOG_LEVEL: settings.logLevel.describe("pino's log level."),
  BIND_HOST: z.string().default("127.0.0.1").describe("The address the service's ports listen on."),
  CITY_TIME_ZONE: cityTimeZoneSetting.describe("The zone the city's dates, hours and shown times are read in (IANA name)."),
  MONGODB_URL: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\/\S+$/, "must be a mongodb:// or mongodb+srv:// URL")
    .optional()
    .describe("Operators' read models (audit, history, facilities near a point) in this MongoDB; unset: none kept."),
  LEASE_TTL_MS: z.coerce
    .number()
    .int()
    .min(1_000)
    .max(600_000)
    .default(10_000)
    .describe(
      "For a service with one active instance (facilities, staffing): how long its lease lives unrenewed before the standby takes over.",
    ),
  // Limits of the waits at start, long enough for a loaded 2-core machine; a start that runs out
  // of one exits naming it and its value.
  START_NATS_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(1_000)
    .default(60_000)
    .describe("At start, the wait for the first connection to NATS (a server still starting is waited for)."),
  START_JETSTREAM_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(1_000)
    .default(120_000)
    .describe("At start, the wait for JetStream to create the streams and the lease bucket (a cluster may still be electing leaders)."),
  START_REPLAY_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(1_000)
    .default(120_000)
    .describe("At start, the wait of a replay of the streams for its next message."),
  JETSTREAM_REQUEST_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(1_000)
    .default(defaultJetStreamRequestMs)
    .describe("The wait for one JetStream request or publish acknowledgement (nats.js waits 5 s, too short under load)."),
};

export type CommonSettings = z.infer<z.ZodObject<typeof commonSettings>>;
