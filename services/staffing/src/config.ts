import { z } from "zod";
import { commonSettings, loadConfig, settings } from "@crisis/platform";

const schema = z.object({
  ...commonSettings,
  STAFFING_GRPC_PORT: settings.port(50052),
  STAFFING_HEALTH_PORT: settings.port(8082),
  /** Seed of the made-up roster used until a city loads its own (see the domain's roster import). */
  STAFFING_SYNTHETIC_SEED: z.coerce.number().int().default(20260728),
});

export type StaffingConfig = z.infer<typeof schema>;
export const readConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(schema, env);
