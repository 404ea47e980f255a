import { z } from "zod";
import { incidentNames, levelNames, serviceLevelNames, shelterTerms, useNames, wards } from "@crisis/platform/contracts";
import { modeView } from "../../../adapters/http/schema-parts";

/** The mode area's request and answer schemas (the API document and the tests use them too). */

export const declarationBody = z.strictObject({
  incident: z.enum(incidentNames),
  level: z.enum(levelNames),
  wards: z.array(z.enum(wards)).max(wards.length).default([]),
  reason: z.string().trim().min(1, "must say why (1–500 characters)").max(500),
});

const useAnswer = z.enum(useNames).nullable();

const shelterAnswer = z.enum(Object.keys(shelterTerms) as [keyof typeof shelterTerms]).nullable();

const serviceLevelAnswer = z.enum(serviceLevelNames).nullable();

/** What a declaration would change (domain/mode-preview.ts), in the API's words. */
const modePreview = z.object({
  facilities: z.array(
    z.object({
      facilityId: z.string(),
      facilityName: z.string(),
      category: z.string(),
      ward: z.string(),
      useBefore: useAnswer,
      useAfter: useAnswer,
      shelterBefore: shelterAnswer.describe("null: not a designated shelter"),
      shelterAfter: shelterAnswer,
      reason: z.string(),
    }),
  ),
  services: z.array(
    z.object({
      serviceId: z.string(),
      serviceName: z.string(),
      channel: z.string(),
      levelBefore: serviceLevelAnswer,
      levelAfter: serviceLevelAnswer,
      reason: z.string(),
    }),
  ),
  kept: z.array(
    z.object({ facilityId: z.string(), facilityName: z.string(), what: z.string(), decidedBy: z.string(), reason: z.string() }),
  ),
  changesByWard: z.record(z.string(), z.number().int()),
  changesByCategory: z.record(z.string(), z.number().int()),
});

/** An approver says no to a pending declaration: the declarer is told why. */
export const rejectionBody = z.strictObject({
  reason: z.string().trim().min(1, "must say why (1–500 characters)").max(500),
});

/** A declarer takes their own pending declaration back; saying why is welcome, not required. */
export const withdrawalBody = z.strictObject({
  reason: z.string().trim().max(500).default(""),
});

/** The mode routes' answers. */
export const modeAnswers = {
  currentMode: modeView.extend({ eventId: z.string().nullable(), sequence: z.number().int() }),
  declared: z.object({
    eventId: z.string(),
    sequence: z.number().int(),
    previousLevel: z.string(),
    mode: modeView,
    approvedBy: z.string().optional(),
  }),
  pending: z.object({
    pendingId: z.string(),
    declaration: z.object({ incident: z.string(), level: z.string(), wards: z.array(z.string()), reason: z.string() }),
    declaredBy: z.string(),
    requestedAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
    preview: modePreview,
    closed: z.object({ as: z.enum(["rejected", "withdrawn"]), by: z.string(), at: z.iso.datetime(), reason: z.string() }).optional(),
  }),
  preview: z.object({ mode: modeView, preview: modePreview }),
};
