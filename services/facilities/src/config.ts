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
  // Crowding levels (空き/やや混雑/混雑/満) in percent of capacity, and the hysteresis margin for falling.
  CROWDING_BUSY_PERCENT: z.coerce.number().positive().default(50),
  CROWDING_CROWDED_PERCENT: z.coerce.number().positive().default(70),
  CROWDING_FULL_PERCENT: z.coerce.number().positive().default(100),
  CROWDING_MARGIN_PERCENT: z.coerce.number().min(0).default(5),
  // An occupancy report older than this is shown as stale and no longer counts as room.
  OCCUPANCY_STALE_MINUTES: z.coerce.number().int().positive().default(180),
  // Shelters with room a crowding change names.
  CROWDING_NEAREST_COUNT: z.coerce.number().int().min(1).max(10).default(3),
  // Counter bookings: a day is cut into slots of this length, each with this many places (half when reduced).
  COUNTER_SLOT_MINUTES: z.coerce.number().int().min(5).max(240).default(30),
  COUNTER_PLACES_PER_SLOT: z.coerce.number().int().min(1).max(1000).default(4),
  // Days after the visit day that a booking is kept; then it is deleted.
  BOOKING_RETENTION_DAYS: z.coerce.number().int().min(0).max(365).default(30),
  BOOKING_MOVE_DAYS: z.coerce.number().int().min(0).max(14).default(3),
  // A remote ticket's holder is pushed when this many wait before them ("5 ahead").
  TICKET_AHEAD_PUSH: z.coerce.number().int().min(1).max(50).default(5),
  // Minutes per person a counter is assumed to take until it has called two numbers today.
  TICKET_MINUTES_PER_PERSON: z.coerce.number().min(0.5).max(120).default(5),
});

export type FacilitiesConfig = z.infer<typeof schema>;
export const readConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(schema, env);
