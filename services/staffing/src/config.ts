import { join } from "node:path";
import { z } from "zod";
import { commonSettings, loadConfig, settings } from "@crisis/platform";

/** The service's settings, read from the environment at start (docs/configuration.md is made from this). */
export const configSchema = z
  .object({
    ...commonSettings,
    STAFFING_GRPC_PORT: settings.port(50052).describe("The gRPC port."),
    STAFFING_HEALTH_PORT: settings.port(8082).describe("The port of /healthz, /readyz and /metrics."),
    STAFFING_ROSTER_CSV: z
      .string()
      .min(1)
      .optional()
      .describe(
        "The city's roster (id,name,department,ward,skills,can_work_nights,max_hours,unavailable; bad rows are skipped and logged by line); unset: staffing plans with a labelled made-up city.",
      ),
    STAFFING_DEPARTMENTS_CSV: z
      .string()
      .min(1)
      .optional()
      .describe(
        "The departments and their floors per level (id,name,level,headcount,skill_floors, one row per department and level watch|alert|emergency, e.g. hoken-higashi,東区保健センター,emergency,12,保健師=4); needed with a roster.",
      ),
    STAFFING_SYNTHETIC_SEED: z.coerce
      .number()
      .int()
      .default(20260728)
      .describe(
        "Seed of the made-up roster (about 7,000 staff whose names end in （架空）) used when no roster is configured; staffing says so in its log.",
      ),
    STAFFING_AUTO_APPLY_FIRST_PLAN: z
      .enum(["true", "false"])
      .default("false")
      .transform((v) => v === "true")
      .describe("Apply each plan staffing settles on after a declaration by itself until a person applies one (the first hours)."),
    STAFFING_ACK_REMIND_MINUTES: z.coerce
      .number()
      .int()
      .positive()
      .default(30)
      .describe("No answer to a duty notice this long: a reminder."),
    STAFFING_ACK_ESCALATE_MINUTES: z.coerce
      .number()
      .int()
      .positive()
      .default(30)
      .describe("Still none this long after the reminder: the department's head is told, with a replacement proposal."),
    STAFFING_POST_TEMPLATES: z
      .string()
      .min(1)
      .default(join(__dirname, "..", "data", "post-templates.json"))
      .describe("The emergency posts per facility kind (JSON, validated at start)."),
  })
  .superRefine((c, ctx) => {
    if (c.STAFFING_ROSTER_CSV && !c.STAFFING_DEPARTMENTS_CSV) {
      ctx.addIssue({ code: "custom", path: ["STAFFING_DEPARTMENTS_CSV"], message: "is required when STAFFING_ROSTER_CSV is set" });
    }
  });

export type StaffingConfig = z.infer<typeof configSchema>;
export const readConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(configSchema, env);
