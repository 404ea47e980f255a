import { z } from "zod";
import { modeView, reading, registryEntry } from "../../../adapters/http/schema-parts";

/** The status area's request and answer schemas (the API document and the tests use them too). */

const counts = z.record(z.string(), z.number().int());

/** The status route's answer. */
export const statusAnswers = {
  status: z.object({
    mode: modeView,
    summary: counts,
    sheltersOpen: z.object({ total: z.number().int(), byWard: counts }),
    services: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        channel: z.string(),
        level: z.string(),
        reason: z.string(),
        since: z.string().nullable(),
        until: z.string().nullable(),
        wards: z.array(z.string()),
      }),
    ),
    facilities: z.array(
      registryEntry.extend({
        status: z.string(),
        statusReason: z.string(),
        statusSince: z.string().nullable(),
        use: z.string().nullable(),
        shelter: z.string().nullable(),
        reasons: z.array(z.string()),
        latitude: z.number(),
        longitude: z.number(),
        reading,
      }),
    ),
  }),
};
