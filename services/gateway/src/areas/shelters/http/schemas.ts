import { z } from "zod";
import { crowdingNames, supplyNeedNames, supplyNeedTerms, wards } from "@crisis/platform/contracts";
import { acceptingOldSpellings } from "../../../adapters/http/old-spellings";
import { reading } from "../../../adapters/http/schema-parts";

/** The shelters area's request and answer schemas (the API document and the tests use them too). */

export const shelterBody = z.strictObject({
  state: z.enum(["open", "closed"]),
  reason: z.string().trim().min(1, "must say why (1–500 characters)").max(500),
});

const supply = z.enum(supplyNeedNames).transform((n) => supplyNeedTerms[n].value);

const persons = z.number().int("must be a whole number").min(0, "must be 0 or more").max(100_000);

/** An occupancy report from a shelter: supplies as enough/short/out, people and animals as counts. */
export const occupancyBody = acceptingOldSpellings(
  z.strictObject({
    headcount: persons,
    needs: z
      .strictObject({
        water: supply.optional(),
        food: supply.optional(),
        blankets: supply.optional(),
        medical: persons.optional(),
        pets: persons.optional(),
        welfareSpace: persons.optional(),
      })
      .default({}),
  }),
  { "needs.welfare_space": "needs.welfareSpace" },
);

export const shelterListQuery = z.strictObject({ ward: z.enum(wards).optional() });

export const occupancyHistoryQuery = z.strictObject({
  ward: z.enum(wards).optional(),
  facility: z.string().min(1).max(128).optional(),
  /** report: one row per report; hour: per ward and hour, the shelters' latest headcounts and known capacities. */
  by: z.enum(["report", "hour"]).default("report"),
});

const coordinate = (min: number, max: number) =>
  z.coerce.number({ message: "must be a number" }).min(min, "is not in Japan").max(max, "is not in Japan");

export const nearestQuery = z.strictObject({
  lat: coordinate(20, 46),
  lon: coordinate(122, 154),
  limit: z.coerce.number().int().min(1).max(50).default(5),
});

/** The crowding routes' answers (domain/crowding-view.ts). */
const levelFields = { level: z.enum(crowdingNames), levelJa: z.string(), levelEn: z.string() };

const supplyAnswer = z.enum(supplyNeedNames).nullable();

const shelterCrowdingAnswer = z.object({
  id: z.string(),
  name: z.string(),
  ward: z.string(),
  open: z.boolean(),
  capacity: z.number().int().nullable(),
  ...levelFields,
  latest: z
    .object({
      headcount: z.number().int(),
      needs: z.object({
        water: supplyAnswer,
        food: supplyAnswer,
        blankets: supplyAnswer,
        medical: z.number().int(),
        pets: z.number().int(),
        welfareSpace: z.number().int(),
      }),
      reportedAt: z.string().nullable(),
      ageSeconds: z.number().int(),
      stale: z.boolean(),
    })
    .nullable(),
  link: z.string(),
});

export const crowdingAnswers = {
  shelter: shelterCrowdingAnswer,
  reported: z.object({
    shelter: shelterCrowdingAnswer,
    changed: z.object({ from: z.enum(crowdingNames), to: z.enum(crowdingNames) }).nullable(),
  }),
  list: z.object({
    shelters: z.array(shelterCrowdingAnswer),
    wards: z.array(
      z.object({
        ward: z.string(),
        openShelters: z.number().int(),
        levels: z.object({ open: z.number(), busy: z.number(), crowded: z.number(), full: z.number(), unknown: z.number() }),
        headcount: z.number().int(),
        capacityKnown: z.number().int(),
      }),
    ),
  }),
  nearest: z.object({
    shelters: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        ward: z.string(),
        distanceM: z.number().int(),
        ...levelFields,
        room: z.number().int(),
        latitude: z.number(),
        longitude: z.number(),
        link: z.string(),
      }),
    ),
  }),
};

/** A shelter opened or closed. */
export const shelterAnswers = {
  shelter: z.object({
    id: z.string(),
    name: z.string(),
    ward: z.string(),
    state: z.string().nullable(),
    status: z.string(),
    reasons: z.array(z.string()),
    reading,
    changed: z.boolean(),
  }),
};
