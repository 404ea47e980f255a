import { join } from "node:path";
import { z } from "zod";
import { commonSettings, loadConfig, settings } from "@crisis/platform";

const schema = z
  .object({
    ...commonSettings,
    STAFFING_GRPC_PORT: settings.port(50052),
    STAFFING_HEALTH_PORT: settings.port(8082),
    /** The city's roster (CSV, see ROSTER_COLUMNS); unset, staffing plans with a labelled made-up city. */
    STAFFING_ROSTER_CSV: z.string().min(1).optional(),
    /** The departments and their floors per level (CSV, see DEPARTMENT_COLUMNS); needed with a roster. */
    STAFFING_DEPARTMENTS_CSV: z.string().min(1).optional(),
    /** Seed of the made-up roster used when no roster is configured. */
    STAFFING_SYNTHETIC_SEED: z.coerce.number().int().default(20260728),
    /** Apply each settled plan of a declaration by itself until a person applies one (the first hours). */
    STAFFING_AUTO_APPLY_FIRST_PLAN: z
      .enum(["true", "false"])
      .default("false")
      .transform((v) => v === "true"),
    /** No answer to a duty notice this long: a reminder. */
    STAFFING_ACK_REMIND_MINUTES: z.coerce.number().int().positive().default(30),
    /** Still none this long after the reminder: the department's head is told, with a replacement proposal. */
    STAFFING_ACK_ESCALATE_MINUTES: z.coerce.number().int().positive().default(30),
    STAFFING_POST_TEMPLATES: z
      .string()
      .min(1)
      .default(join(__dirname, "..", "data", "post-templates.json")),
  })
  .superRefine((c, ctx) => {
    if (c.STAFFING_ROSTER_CSV && !c.STAFFING_DEPARTMENTS_CSV) {
      ctx.addIssue({ code: "custom", path: ["STAFFING_DEPARTMENTS_CSV"], message: "is required when STAFFING_ROSTER_CSV is set" });
    }
  });

export type StaffingConfig = z.infer<typeof schema>;
export const readConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(schema, env);
