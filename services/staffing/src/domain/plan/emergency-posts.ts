import { addDays, cityDate, cityInstant, minuteOfDay, sayStaff, wards } from "@crisis/platform/contracts";
import type { Post, PositionNeed, Ward } from "../types";
import type { ExtendedCounter } from "./extended-counters";
import type { OpenShelter } from "./open-shelters";
import type { PostTemplates } from "./post-templates";

export interface PostsInput {
  /** Days in Japan time, e.g. ["2026-07-29"]. */
  readonly days: readonly string[];
  /**
   * Only the shift in progress at this instant and those after it, a day's worth (as many shifts
   * as the templates have): a plan made at 16:27 staffs the evening, the night and the next day,
   * not the morning that is over. `days` must include the next day.
   */
  readonly from?: Date;
  readonly shelters: readonly OpenShelter[];
  /** The call centre runs while a mode of alert or above is in force. */
  readonly callCentre: boolean;
  /** Counter services at the extended level, one entry per ward served. */
  readonly counters?: readonly ExtendedCounter[];
}

/**
 * The emergency posts, shift by shift, for the shelters facilities opened: each open shelter's
 * operation team, a 保健師 round per so many open shelters of a ward, the call centre, and each
 * extended counter service's counter in every ward it serves.
 */
export function emergencyPosts(templates: PostTemplates, { days, from, shelters, callCentre, counters = [] }: PostsInput): Post[] {
  const posts: Post[] = [];
  const perWard = new Map<Ward, OpenShelter[]>(wards.map((w) => [w, shelters.filter((s) => s.ward === w)]));
  for (const { day, shift, start, end } of shiftsToPlan(templates, days, from)) {
    const runs = (only?: readonly string[]) => !only || only.includes(shift.name);
    const add = (
      id: string,
      place: string,
      ward: Ward,
      duty: string,
      positions: readonly PositionNeed[],
      at: Pick<Post, "facilityId" | "serviceId" | "address" | "latitude" | "longitude" | "bring"> = {},
    ) => posts.push({ id: `${id}@${day}-${shift.name}`, place, ward, duty, start, end, positions, ...at });
    if (runs(templates.shelter.shifts)) {
      for (const s of shelters)
        add(`shelter:${s.id}`, s.name, s.ward, templates.shelter.duty, templates.shelter.positions, {
          facilityId: s.id,
          ...(s.address ? { address: s.address } : {}),
          ...(s.latitude || s.longitude ? { latitude: s.latitude, longitude: s.longitude } : {}),
          ...bring(templates.shelter.bring),
        });
    }
    if (runs(templates.healthRound.shifts)) {
      for (const [ward, open] of perWard) {
        for (let i = 0; i * templates.healthRound.perOpenShelters < open.length; i++) {
          add(
            `health-round:${ward}-${i + 1}`,
            sayStaff("ja", "healthRoundPost", { ward, round: String(i + 1) }),
            ward,
            templates.healthRound.duty,
            templates.healthRound.positions,
            bring(templates.healthRound.bring),
          );
        }
      }
    }
    const centre = templates.callCentre;
    if (callCentre && runs(centre.shifts))
      add("call-centre", centre.place, centre.ward, centre.duty, centre.positions, bring(centre.bring));
    if (runs(templates.counter.shifts)) {
      for (const c of counters)
        add(
          `counter:${c.serviceId}:${c.ward}`,
          sayStaff("ja", "counterPost", { ward: c.ward, service: c.name }),
          c.ward,
          c.name,
          templates.counter.positions,
          {
            serviceId: c.serviceId,
            ...bring(templates.counter.bring),
          },
        );
    }
  }
  return posts;
}

/** A template's list of things to bring, on its posts only when it has one (posts stay as they were without). */
const bring = (items: readonly string[] | undefined) => (items && items.length ? { bring: items } : {});

/** The days to plan from an instant: the day before (its night shift may still run), that day and the next. */
export function daysAround(at: Date): string[] {
  const today = cityDate(at);
  return [-1, 0, 1].map((d) => addDays(today, d));
}

/** The shifts a plan made at this instant staffs, as post ids end: e.g. ["2026-07-28-evening", …]. */
export function shiftsPlannedAt(templates: PostTemplates, at: Date): string[] {
  return shiftsToPlan(templates, daysAround(at), at).map((s) => `${s.day}-${s.shift.name}`);
}

/** Each shift of the days, in order of start; from an instant on, only the next day's worth. */
function shiftsToPlan(templates: PostTemplates, days: readonly string[], from: Date | undefined) {
  const all = days
    .flatMap((day) =>
      templates.shifts.map((shift) => {
        const start = new Date(cityInstant(day, minuteOfDay(shift.start)));
        return { day, shift, start, end: new Date(start.getTime() + shift.hours * 3_600_000) };
      }),
    )
    .sort((a, b) => a.start.getTime() - b.start.getTime());
  return from ? all.filter((s) => s.end > from).slice(0, templates.shifts.length) : all;
}
