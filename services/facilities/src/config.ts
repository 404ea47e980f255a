import { join } from "node:path";
import { z } from "zod";
import { commonSettings, loadConfig, settings } from "@crisis/platform";

const schema = z.object({
  ...commonSettings,
  FACILITIES_GRPC_PORT: settings.port(50051),
  FACILITIES_HEALTH_PORT: settings.port(8081),
  FACILITIES_DATA_DIR: z.string().default(join(__dirname, "..", "..", "..", "data", "kumamoto")),
  // The city's own 公共施設一覧 CSV files (comma-separated paths); default: public_facilities*.csv in the data folder.
  FACILITIES_PUBLIC_CSV: z
    .string()
    .optional()
    .transform((v) =>
      v
        ? v
            .split(",")
            .map((p) => p.trim())
            .filter(Boolean)
        : undefined,
    ),
});

export type FacilitiesConfig = z.infer<typeof schema>;
export const readConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(schema, env);
