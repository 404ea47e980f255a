import { z } from "zod";
import { serviceLevelNames } from "@crisis/platform/contracts";
import { acceptingOldSpellings } from "../../../adapters/http/old-spellings";
import { source, tokyoTime, zoned } from "../../../adapters/http/schema-parts";

/** The counters area's request and answer schemas (the API document and the tests use them too). */

const serviceView = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  channels: z.array(
    z.object({ channel: z.string(), level: z.string(), reason: z.string().nullable(), startsAt: tokyoTime, endsAt: tokyoTime, source }),
  ),
});

/** A counter's latest waiting figure (null: none reported). */
const withWaiting = serviceView.extend({
  waiting: z
    .object({
      waiting: z.number().int().nullable(),
      nextFreeSlot: tokyoTime,
      reportedAt: tokyoTime,
      ageSeconds: z.number().int(),
      stale: z.boolean(),
    })
    .nullable(),
});

/** A counter's usual wait in one hour of the week, city time (weekday 0 is Sunday). */
const expectedHour = z.object({
  weekday: z.number().int().min(0).max(6),
  hour: z.number().int().min(0).max(23),
  expected: z.number(),
  samples: z.number().int(),
});

export const serviceLevelBody = z.strictObject({
  level: z.enum(serviceLevelNames),
  reason: z.string().trim().min(1, "must say why (1–500 characters)").max(500),
  startsAt: zoned.optional(),
  endsAt: zoned.optional(),
});

/** A counter's waiting figure: people waiting, or the next free slot when it takes reservations only. */
export const waitingBody = acceptingOldSpellings(
  z
    .strictObject({
      waiting: z.number().int("must be a whole number").min(0, "must be 0 or more").max(10_000).optional(),
      nextFreeSlot: z.iso.datetime({ offset: true, message: "must be an RFC 3339 time with a zone" }).optional(),
    })
    .refine((b) => (b.waiting === undefined) !== (b.nextFreeSlot === undefined), {
      message: "give either waiting (people) or nextFreeSlot (a reservation-only counter), not both",
      path: ["waiting"],
    }),
  { next_free_slot: "nextFreeSlot" },
);

/** The counter service routes' answers. */
export const counterAnswers = {
  services: z.object({ services: z.array(withWaiting) }),
  counterService: withWaiting,
  expectedWaiting: z.object({
    serviceId: z.string(),
    serviceName: z.string(),
    hours: z.array(expectedHour),
    quiet: z.array(expectedHour),
    samples: z.number().int(),
  }),
  service: serviceView.extend({ changed: z.boolean() }),
};
