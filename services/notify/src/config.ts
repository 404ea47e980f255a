import { availableParallelism } from "node:os";
import { z } from "zod";
import { commonSettings, loadConfig, settings } from "@crisis/platform";
import { defaultPushOrigins, parseOriginRules } from "./domain/push-origins";

const schema = z.object({
  ...commonSettings,
  NOTIFY_GRPC_PORT: settings.port(50053),
  NOTIFY_HEALTH_PORT: settings.port(8083),
  VAPID_PUBLIC_KEY: settings.base64url.length(87, "must be a 65-byte P-256 public key in base64url (87 characters)"),
  VAPID_PRIVATE_KEY: settings.base64url.length(43, "must be a 32-byte P-256 private key in base64url (43 characters)"),
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:|https:\/\/)/, "must be a mailto: or https: URL")
    .default("mailto:kikikanri@city.kumamoto.example"),
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
    }),
  /** Requests in flight (and keep-alive connections) per push-service origin. */
  PUSH_CONCURRENCY: z.coerce.number().int().min(1).max(1024).default(64),
  /**
   * Queued batches (about a hundred pushes each) this instance works on at once. More than
   * PUSH_CONCURRENCY pushes' worth, so a batch waiting out a 429's Retry-After does not idle the
   * connections.
   */
  PUSH_BATCHES_IN_FLIGHT: z.coerce.number().int().min(1).max(256).default(32),
  /** Threads encrypting pushes; 0 encrypts on the main thread. */
  PUSH_ENCRYPTION_WORKERS: z.coerce.number().int().min(0).max(64).default(availableParallelism()),
  /** How soon work of a crashed notify process is handed out again. */
  NOTIFY_ACK_WAIT_MS: z.coerce.number().int().min(1000).default(30_000),
  PUSH_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  PUSH_TTL_SECONDS: z.coerce.number().int().min(0).max(2_419_200).default(86_400),
  /** Single changes are summed up per subscriber once none came for this long… */
  ALERT_COALESCE_MS: z.coerce.number().int().min(0).default(60_000),
  /** …or at the latest this long after the first. */
  ALERT_COALESCE_LONGEST_MS: z.coerce.number().int().min(0).default(600_000),
  /** How long before a scheduled restriction starts its second notice goes. */
  ADVANCE_NOTICE_MS: z.coerce.number().int().min(0).default(3_600_000),
  PUBLIC_BASE_URL: z.string().url().default("http://localhost:8080"),
  /** A shelter that fills up again within this time is not announced again. */
  FULL_SHELTER_ALERT_MIN_INTERVAL_MS: z.coerce.number().int().min(0).default(3_600_000),
});

export type NotifyConfig = z.infer<typeof schema>;
export const readConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(schema, env);
