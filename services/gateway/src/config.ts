import { z } from "zod";
import { commonSettings, loadConfig, settings } from "@crisis/platform";

const schema = z.object({
  ...commonSettings,
  GATEWAY_PORT: settings.port(8080),
  FACILITIES_GRPC: settings.grpcTarget("127.0.0.1:50051"),
  STAFFING_GRPC: settings.grpcTarget("127.0.0.1:50052"),
  NOTIFY_GRPC: settings.grpcTarget("127.0.0.1:50053"),
  GRPC_DEADLINE_MS: z.coerce.number().int().min(50).max(60_000).default(3_000),
  /** Map tiles for the status page ({z}/{x}/{y} template); unset = shelters as a plain list. */
  PAGES_TILE_URL: z.string().url().optional(),
  PAGES_TILE_ATTRIBUTION: z.string().max(300).optional(),
  TOKEN_PUBLIC_KEY: settings.base64url.length(43, "must be an Ed25519 public key (JWK x, base64url, 43 characters)"),
});

export type GatewayConfig = z.infer<typeof schema>;
export const readConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(schema, env);
