import { z } from "zod";
import { commonSettings, loadConfig, settings } from "@crisis/platform";

const schema = z.object({
  ...commonSettings,
  GATEWAY_PORT: settings.port(8080),
  FACILITIES_GRPC: settings.grpcTarget("127.0.0.1:50051"),
  STAFFING_GRPC: settings.grpcTarget("127.0.0.1:50052"),
  NOTIFY_GRPC: settings.grpcTarget("127.0.0.1:50053"),
  GRPC_DEADLINE_MS: z.coerce.number().int().min(50).max(60_000).default(3_000),
  TOKEN_PUBLIC_KEY: settings.base64url.length(43, "must be an Ed25519 public key (JWK x, base64url, 43 characters)"),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(10 * 1024 * 1024)
    .default(64 * 1024),
  SSE_MAX_CLIENTS: z.coerce.number().int().min(1).max(1_000_000).default(20_000),
  SSE_HEARTBEAT_MS: z.coerce.number().int().min(1_000).max(300_000).default(15_000),
  CORS_ORIGINS: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ protocol: /^https?$/ }))),
  HSTS: z.stringbool().default(false),
  RATE_LIMIT_PER_IP: z.coerce.number().int().min(1).default(1_200),
  RATE_LIMIT_PER_TOKEN: z.coerce.number().int().min(1).default(600),
  RATE_LIMIT_WINDOW_MS: z.coerce.number().int().min(1_000).default(60_000),
  PUBLIC_BASE_URL: z.url().default("http://localhost:8080"),
  CAP_SENDER: z.string().min(3).default("kikikanri@city.kumamoto.lg.jp"),
});

export type GatewayConfig = z.infer<typeof schema>;
export const readConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(schema, env);
