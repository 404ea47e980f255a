import { join } from "node:path";
import { z } from "zod";
import { commonSettings, loadConfig, settings } from "@crisis/platform";

/** The service's settings, read from the environment at start (docs/configuration.md is made from this). */
export const configSchema = z.object({
  ...commonSettings,
  FACILITIES_GRPC_PORT: settings.port(50051).describe("The gRPC port."),
  FACILITIES_HEALTH_PORT: settings.port(8081).describe("The port of /healthz, /readyz and /metrics."),
  FACILITIES_DATA_DIR: z
    .string()
    .default(join(__dirname, "..", "..", "..", "data", "kumamoto"))
    .describe("The city's lists, playbooks/ and counter_services.yaml."),
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
    )
    .describe("The city's own 公共施設一覧 CSV files, comma-separated paths; unset: every public_facilities*.csv in the data folder."),
  CROWDING_BUSY_PERCENT: z.coerce.number().positive().default(50).describe("Crowding level やや混雑 (busy) from this percent of capacity."),
  CROWDING_CROWDED_PERCENT: z.coerce
    .number()
    .positive()
    .default(70)
    .describe("Crowding level 混雑 (crowded) from this percent of capacity."),
  CROWDING_FULL_PERCENT: z.coerce.number().positive().default(100).describe("Crowding level 満 (full) from this percent of capacity."),
  CROWDING_MARGIN_PERCENT: z.coerce
    .number()
    .min(0)
    .default(5)
    .describe("Hysteresis: a level falls only this many percent below its threshold."),
  OCCUPANCY_STALE_MINUTES: z.coerce
    .number()
    .int()
    .positive()
    .default(180)
    .describe("An occupancy report older than this is shown as stale and no longer counts as room."),
  CROWDING_NEAREST_COUNT: z.coerce
    .number()
    .int()
    .min(1)
    .max(10)
    .default(3)
    .describe("How many shelters with room a crowding change names."),
  COUNTER_SLOT_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(240)
    .default(30)
    .describe("Counter bookings: a day is cut into slots of this length."),
  COUNTER_PLACES_PER_SLOT: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(4)
    .describe("Counter bookings: places per slot (half when the service is reduced)."),
  BOOKING_RETENTION_DAYS: z.coerce
    .number()
    .int()
    .min(0)
    .max(365)
    .default(30)
    .describe("Days after the visit day that a booking is kept; then it is deleted."),
  BOOKING_MOVE_DAYS: z.coerce
    .number()
    .int()
    .min(0)
    .max(14)
    .default(3)
    .describe("How many days before or after its day a booking may be moved to when its counter closes or is reduced."),
  TICKET_AHEAD_PUSH: z.coerce
    .number()
    .int()
    .min(1)
    .max(50)
    .default(5)
    .describe('A remote ticket\'s holder is pushed when this many wait before them ("5 ahead").'),
  TICKET_MINUTES_PER_PERSON: z.coerce
    .number()
    .min(0.5)
    .max(120)
    .default(5)
    .describe("Minutes per person a counter is assumed to take until it has called two numbers today."),
});

export type FacilitiesConfig = z.infer<typeof configSchema>;
export const readConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(configSchema, env);
