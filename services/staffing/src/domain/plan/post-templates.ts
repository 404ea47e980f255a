import { z } from "zod";
import { wards } from "@crisis/platform/contracts";

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be HH:MM");
const positions = z
  .array(z.object({ skills: z.array(z.string().min(1)), count: z.number().int().positive() }))
  .min(1, "needs at least one position");
const shiftNames = z.array(z.string().min(1)).min(1).optional();
/** What a person sent to the post brings, told in their notice. */
const bring = z.array(z.string().min(1).max(100)).max(20).optional();

/**
 * The post templates, validated when the file is loaded: the shifts of a day (Japan time), what
 * one open shelter needs per shift, the 保健師 round per so many open shelters, and the call
 * centre while a mode of alert or above is in force, and each counter service at the extended level. `shifts` on a post limits it to those shifts.
 */
export const postTemplatesSchema = z
  .object({
    shifts: z.array(z.object({ name: z.string().min(1), start: clock, hours: z.number().positive().max(24) })).min(1),
    shelter: z.object({ duty: z.string().min(1), positions, shifts: shiftNames, bring }),
    healthRound: z.object({
      duty: z.string().min(1),
      perOpenShelters: z.number().int().positive(),
      positions,
      shifts: shiftNames,
      bring,
    }),
    callCentre: z.object({ place: z.string().min(1), ward: z.enum(wards), duty: z.string().min(1), positions, shifts: shiftNames, bring }),
    /** Each counter service at the extended level, in each ward it serves; its duty is the service's name. */
    counter: z.object({ positions, shifts: shiftNames, bring }),
  })
  .superRefine((t, ctx) => {
    const names = new Set(t.shifts.map((s) => s.name));
    for (const key of ["shelter", "healthRound", "callCentre", "counter"] as const) {
      for (const name of t[key].shifts ?? []) {
        if (!names.has(name)) ctx.addIssue({ code: "custom", path: [key, "shifts"], message: `"${name}" is not a shift in shifts` });
      }
    }
  });

export type PostTemplates = z.infer<typeof postTemplatesSchema>;
