import { z } from "zod";
import {
  Category,
  Channel,
  FacilityUse,
  IncidentName,
  LevelName,
  Mode,
  GuidanceLines,
  ResidentLang,
  ServiceLevel,
  Ward,
  categories,
  channels,
  incidentName,
  incidentNames,
  levelName,
  levelNames,
  residentLanguages,
  serviceLevelNames,
  serviceLevelTerms,
  useNames,
  useTerms,
  wards,
} from "@crisis/platform/contracts";
import { Facility } from "./facility";

const list = <T extends z.ZodType>(item: T) => z.array(item).min(1).optional();

const lines = z.array(z.string().min(1), {
  // A missing language would show residents another language's text, so it is refused at start.
  error: (issue) => (issue.input === undefined ? "missing: guidance must be written in every resident language" : undefined),
});

/** Every resident language, each with as many lines as the Japanese (a line is one piece of advice). */
const guidanceSchema = z
  .strictObject(Object.fromEntries(residentLanguages.map((lang) => [lang, lines])) as Record<ResidentLang, typeof lines>)
  .superRefine((g, ctx) => {
    if (g.ja.length === 0) ctx.addIssue({ code: "custom", message: "at least one line", path: ["ja"] });
    for (const lang of residentLanguages)
      if (g[lang].length !== g.ja.length)
        ctx.addIssue({ code: "custom", message: `${g[lang].length} lines where ja has ${g.ja.length}`, path: [lang] });
  });

/** A playbook file: for one incident and level, a list of selector → what to do. */
export const playbookSchema = z.strictObject({
  incident: z.enum(incidentNames),
  level: z.enum(levelNames),
  description: z.string().optional(),
  /** What a person should do now, a few short lines, the same lines in every resident language. */
  guidance: guidanceSchema.optional(),
  rules: z.array(
    z
      .strictObject({
        select: z
          .strictObject({
            category: list(z.enum(categories)),
            ward: list(z.enum(wards)),
            tag: list(z.enum(["designated_shelter", "shelter_capable"])),
            id: list(z.string().min(1)),
          })
          .optional(),
        restriction: z
          .strictObject({
            kind: z.enum(useNames.filter((u) => u !== "open") as [string, ...string[]]),
            reason: z.string().min(1),
            hours: z.string().optional(),
            capacity: z.number().int().positive().optional(),
            parts: z.array(z.string()).optional(),
          })
          .optional(),
        shelter: z.literal("open").optional(),
        services: z
          .strictObject({
            ids: z.array(z.string().min(1)).min(1),
            channels: z.array(z.enum(channels)).min(1),
            level: z.enum(serviceLevelNames),
            reason: z.string().min(1),
          })
          .optional(),
      })
      .refine((r) => r.restriction || r.shelter || r.services, "a rule needs a restriction, a shelter operation or services"),
  ),
});

export type PlaybookFile = z.infer<typeof playbookSchema>;

export interface FacilityAction {
  kind: FacilityUse;
  reason: string;
  hours?: string;
  capacity?: number;
  parts?: string[];
}

export interface ServiceAction {
  serviceId: string;
  channel: Channel;
  level: ServiceLevel;
  reason: string;
}

export interface PlaybookRule {
  select: { category?: Category[]; ward?: Ward[]; tag?: string[]; id?: string[] };
  restriction?: FacilityAction;
  shelter?: "open";
  services?: { ids: string[]; channels: Channel[]; level: ServiceLevel; reason: string };
}

/** Short lines for citizens: what to do now, in each resident language of the pages. */
export type Guidance = GuidanceLines;

export interface Playbook {
  incident: IncidentName;
  level: LevelName;
  file: string;
  guidance?: Guidance;
  rules: PlaybookRule[];
}

/** A validated file as the rules apply it (words turned into the contract's values). */
export function toPlaybook(parsed: PlaybookFile, file: string): Playbook {
  return {
    incident: parsed.incident,
    level: parsed.level,
    file,
    guidance: parsed.guidance,
    rules: parsed.rules.map((r) => ({
      select: r.select ?? {},
      shelter: r.shelter,
      restriction: r.restriction && {
        ...r.restriction,
        kind: useTerms[r.restriction.kind as keyof typeof useTerms].value,
      },
      services: r.services && { ...r.services, level: serviceLevelTerms[r.services.level].value },
    })),
  };
}

export const facilityTags = (f: Facility) => [
  ...(f.designatedShelter ? ["designated_shelter"] : []),
  ...(f.canShelter ? ["shelter_capable"] : []),
];

/** Every selector field given must match (an empty selector takes every facility). */
export function selects(rule: PlaybookRule, f: Facility): boolean {
  const s = rule.select;
  return (
    (!s.category || s.category.includes(f.category)) &&
    (!s.ward || s.ward.includes(f.ward)) &&
    (!s.id || s.id.includes(f.id)) &&
    (!s.tag || s.tag.some((t) => facilityTags(f).includes(t)))
  );
}

export const inScope = (facility: Facility, mode: Mode) => mode.wards.length === 0 || mode.wards.includes(facility.ward);

/** The playbook for a declaration; none at normal (stand-down) or when the city wrote none for it. */
export function playbookFor(playbooks: readonly Playbook[], mode: Mode): Playbook | undefined {
  return playbooks.find((p) => p.incident === incidentName(mode.incident) && p.level === levelName(mode.level));
}

export interface FacilityLayer {
  restrictions: FacilityAction[];
  shelterOpen: boolean;
  reason: string;
}

/** What a declaration's playbook wants for one facility. */
export function desiredLayer(playbook: Playbook | undefined, mode: Mode, facility: Facility): FacilityLayer {
  const layer: FacilityLayer = { restrictions: [], shelterOpen: false, reason: "" };
  if (!playbook || !inScope(facility, mode)) return layer;
  for (const rule of playbook.rules) {
    if (!selects(rule, facility)) continue;
    if (rule.restriction) layer.restrictions.push(rule.restriction);
    if (rule.shelter === "open" && facility.canShelter) layer.shelterOpen = true;
  }
  return layer;
}

/** What citizens are told to do under a declaration: its playbook's guidance; none at normal or without one. */
export function guidanceFor(playbooks: readonly Playbook[], mode: Mode): Guidance | undefined {
  return playbookFor(playbooks, mode)?.guidance;
}

/** What a declaration's playbook wants for the counter services (a ward-scoped declaration names its wards). */
export function desiredServiceLevels(playbook: Playbook | undefined): ServiceAction[] {
  if (!playbook) return [];
  return playbook.rules.flatMap((rule) =>
    rule.services
      ? rule.services.ids.flatMap((serviceId) =>
          rule.services!.channels.map((channel) => ({ serviceId, channel, level: rule.services!.level, reason: rule.services!.reason })),
        )
      : [],
  );
}
