import { z } from "zod";
import { categories, shelterTerms, useNames, wards } from "@crisis/platform/contracts";
import { reading, registryEntry, source, tokyoTime, zoned } from "../../../adapters/http/schema-parts";

/** The facilities area's request and answer schemas (the API document and the tests use them too). */

const restrictionView = z.object({
  id: z.string(),
  kind: z.string(),
  reason: z.string(),
  source,
  author: z.string(),
  startsAt: tokyoTime,
  endsAt: tokyoTime,
  endedAt: tokyoTime,
  endedBy: z.string().nullable(),
  hours: z.string().nullable(),
  capacity: z.number().int().nullable(),
  parts: z.array(z.string()),
});

const facilityView = registryEntry.extend({
  nameEn: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  hours: z.string().nullable(),
  capacity: z.number().int().nullable(),
  canShelter: z.boolean(),
  ids: z.object({ portal: z.string().nullable(), gsi: z.string().nullable(), city: z.string().nullable() }),
  use: z.string(),
  shelter: z.string().nullable(),
  status: z.string(),
  reasons: z.array(z.string()),
  statusSince: tokyoTime,
  reading,
});

const facilityDetail = facilityView.extend({
  restrictions: z.array(restrictionView),
  history: z.array(z.object({ at: tokyoTime, what: z.string(), by: z.string(), reason: z.string(), source })),
});

const inJapan = (min: number, max: number) => z.number().min(min, "is not in Japan").max(max, "is not in Japan");

export const facilityListQuery = z.strictObject({
  ward: z.enum(wards).optional(),
  category: z.enum(categories).optional(),
  use: z.enum(useNames).optional(),
  shelter: z.enum(Object.keys(shelterTerms) as [keyof typeof shelterTerms]).optional(),
  near: z
    .string()
    .regex(/^-?\d+(\.\d+)?,-?\d+(\.\d+)?$/, "must be <lat>,<lon>")
    .transform((s) => s.split(",").map(Number) as [number, number])
    .refine(([lat, lon]) => lat >= 20 && lat <= 46 && lon >= 122 && lon <= 154, "is not a place in Japan")
    .optional(),
  radiusM: z.coerce.number().positive().max(50_000).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const restrictionBody = z.strictObject({
  kind: z.enum(useNames.filter((u) => u !== "open") as [string, ...string[]]),
  reason: z.string().trim().min(1, "must say why (1–500 characters)").max(500),
  startsAt: zoned.optional(),
  endsAt: zoned.optional(),
  hours: z.string().max(200).optional(),
  capacity: z.number().int().positive().optional(),
  parts: z.array(z.string().min(1).max(100)).max(50).optional(),
});

export const correctionBody = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    nameEn: z.string().trim().max(200).optional(),
    address: z.string().trim().min(1).max(300).optional(),
    latitude: inJapan(20, 46).optional(),
    longitude: inJapan(122, 154).optional(),
    hours: z.string().max(300).optional(),
    capacity: z.number().int().positive().max(100_000).optional(),
    reason: z.string().trim().max(500).default(""),
  })
  .refine((b) => Object.keys(b).some((k) => k !== "reason"), "name, nameEn, address, latitude, longitude, hours or capacity is required");

/** The facility routes' answers. */
export const facilityAnswers = {
  facilities: z.object({ total: z.number().int(), nextCursor: z.string().nullable(), facilities: z.array(facilityView) }),
  facility: facilityDetail,
  restricted: restrictionView.extend({ facility: facilityView }),
  corrected: z.object({ fields: z.array(z.string()), facility: facilityView }),
};
