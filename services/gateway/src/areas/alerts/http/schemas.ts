import { z } from "zod";
import { residentLanguages } from "@crisis/platform/contracts";

/** The alerts area's request and answer schemas (the API document and the tests use them too). */

export const subscriptionBody = z.strictObject({
  subscription: z.object({
    endpoint: z.string().max(2048),
    expirationTime: z.number().nullable().optional(),
    keys: z.object({ p256dh: z.string().max(200), auth: z.string().max(100) }),
  }),
  topics: z.array(z.string().max(100)).min(1, "must name at least one topic").max(50),
  /** Any resident language; an unknown tag is refused with the field named, nothing stored. */
  lang: z.enum(residentLanguages).default("ja"),
});

/** The push key's, subscriptions' and alert reports' answers. */
export const alertAnswers = {
  publicKey: z.object({ publicKey: z.string() }),
  subscribed: z.object({ id: z.string(), unsubscribeToken: z.string() }),
  alertReport: z.object({
    alertId: z.string(),
    queued: z.number().int(),
    accepted: z.number().int(),
    gone: z.number().int(),
    failed: z.number().int(),
    expired: z.number().int(),
    pending: z.number().int(),
  }),
};
