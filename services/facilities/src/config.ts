import { join } from "node:path";
import { z } from "zod";
import { loadConfig, settings } from "@crisis/platform";

const schema = z.object({
  NATS_URL: settings.natsUrl,
  NATS_STREAM_REPLICAS: settings.streamReplicas,
  LOG_LEVEL: settings.logLevel,
  BIND_HOST: z.string().default("127.0.0.1"),
  FACILITIES_GRPC_PORT: settings.port(50051),
  FACILITIES_HEALTH_PORT: settings.port(8081),
  FACILITIES_DATA_DIR: z.string().default(join(__dirname, "..", "..", "..", "data", "kumamoto")),
});

export type FacilitiesConfig = z.infer<typeof schema>;
export const readConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(schema, env);
