import { availableParallelism } from "node:os";
import { z } from "zod";
import { commonSettings, loadConfig, settings } from "@crisis/platform";
import { defaultPushOrigins, parseOriginRules } from "./domain/push-origins";

/** The service's settings, read from the environment at start (docs/configuration.md is made from this). */
export const configSchema = z.object({
  ...commonSettings,
  NOTIFY_GRPC_PORT: settings.port(50053).describe("The gRPC port."),
  NOTIFY_HEALTH_PORT: settings.port(8083).describe("The port of /healthz, /readyz and /metrics."),
  VAPID_PUBLIC_KEY: settings.base64url
    .length(87, "must be a 65-byte P-256 public key in base64url (87 characters)")
    .describe("The VAPID public key pages pass to pushManager.subscribe() (P-256, base64url)."),
  VAPID_PRIVATE_KEY: settings.base64url
    .length(43, "must be a 32-byte P-256 private key in base64url (43 characters)")
    .describe("The VAPID private key that signs every push (P-256, base64url)."),
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:|https:\/\/)/, "must be a mailto: or https: URL")
    .default("mailto:kikikanri@city.kumamoto.example")
    .describe("Who push services may contact about our pushes (mailto: or https:)."),
  PUSH_ALLOWED_ORIGINS: z
    .string()
    .default(defaultPushOrigins.join(","))
    .transform((list, ctx) => {
      try {
        return parseOriginRules(list);
      } catch (err) {
        ctx.addIssue({ code: "custom", message: (err as Error).message });
        return z.NEVER;
      }
    })
    .describe(
      "Push services a subscription may name: https origins, comma-separated, https://*.host for subdomains; default FCM, Mozilla, Apple, WNS.",
    ),
  PUSH_CONCURRENCY: z.coerce
    .number()
    .int()
    .min(1)
    .max(1024)
    .default(64)
    .describe(
      "Requests in flight (and keep-alive connections) per push service; a 429 halves it and each accepted push grows it back; the refused push waits its Retry-After, 5xx and timeouts back off exponentially with jitter, other 4xx are not retried.",
    ),
  PUSH_BATCHES_IN_FLIGHT: z.coerce
    .number()
    .int()
    .min(1)
    .max(256)
    .default(32)
    .describe(
      "Queued batches (about a hundred pushes each) this instance works on at once; more than PUSH_CONCURRENCY pushes' worth, so a batch waiting out a 429's Retry-After does not idle the connections. The shared queue hands batches to every instance, so each adds capacity.",
    ),
  PUSH_ENCRYPTION_WORKERS: z.coerce
    .number()
    .int()
    .min(0)
    .max(64)
    .default(availableParallelism())
    .meta({ description: "Threads encrypting pushes; 0 encrypts on the main thread.", shownDefault: "one per core" }),
  NOTIFY_ACK_WAIT_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .default(30_000)
    .describe("How soon work of a crashed notify process is handed out again."),
  PUSH_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000).describe("The wait for a push service's answer."),
  PUSH_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(2_419_200)
    .default(86_400)
    .describe("How long a push service keeps a push for a phone that is offline."),
  ALERT_COALESCE_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(60_000)
    .describe("Single changes are summed up per subscriber once none came for this long…"),
  ALERT_COALESCE_LONGEST_MS: z.coerce.number().int().min(0).default(600_000).describe("…or at the latest this long after the first."),
  ADVANCE_NOTICE_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(3_600_000)
    .describe("A restriction scheduled for later is told when scheduled and again this long before it starts."),
  PUBLIC_BASE_URL: z
    .string()
    .url()
    .default("http://localhost:8080")
    .describe("The address citizens and staff reach the pages at (links in pushes, feeds and sign-in)."),
  FULL_SHELTER_ALERT_MIN_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(3_600_000)
    .describe("A shelter that fills up again within this time is not announced again."),
  WAITING_ALERT_MARGIN: z.coerce
    .number()
    .int()
    .min(0)
    .max(100)
    .default(2)
    .describe(
      "Hysteresis of 'fewer than N waiting' (the crowding rule): told once when fewer than N wait, told again only after N + this many or more waited.",
    ),
});

export type NotifyConfig = z.infer<typeof configSchema>;
export const readConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(configSchema, env);
