import { wards } from "@crisis/platform/contracts";
import type { Post, PositionNeed, Ward } from "../types";
import type { ExtendedCounter } from "./extended-counters";
import type { OpenShelter } from "./open-shelters";
import type { PostTemplates } from "./post-templates";

export interface PostsInput {
  /** Days in Japan time, e.g. ["2026-07-29"]. */
  readonly days: readonly string[];
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
export function emergencyPosts(templates: PostTemplates, { days, shelters, callCentre, counters = [] }: PostsInput): Post[] {
  const posts: Post[] = [];
  const perWard = new Map<Ward, OpenShelter[]>(wards.map((w) => [w, shelters.filter((s) => s.ward === w)]));
  for (const day of days) {
    for (const shift of templates.shifts) {
      const start = new Date(`${day}T${shift.start}:00+09:00`);
      const end = new Date(start.getTime() + shift.hours * 3_600_000);
      const runs = (only?: readonly string[]) => !only || only.includes(shift.name);
      const add = (id: string, place: string, ward: Ward, duty: string, positions: readonly PositionNeed[]) =>
        posts.push({ id: `${id}@${day}-${shift.name}`, place, ward, duty, start, end, positions });
      if (runs(templates.shelter.shifts)) {
        for (const s of shelters) add(`shelter:${s.id}`, s.name, s.ward, templates.shelter.duty, templates.shelter.positions);
      }
      if (runs(templates.healthRound.shifts)) {
        for (const [ward, open] of perWard) {
          for (let i = 0; i * templates.healthRound.perOpenShelters < open.length; i++) {
            add(
              `health-round:${ward}-${i + 1}`,
              `${ward} 避難所巡回 ${i + 1}`,
              ward,
              templates.healthRound.duty,
              templates.healthRound.positions,
            );
          }
        }
      }
      const centre = templates.callCentre;
      if (callCentre && runs(centre.shifts)) add("call-centre", centre.place, centre.ward, centre.duty, centre.positions);
      if (runs(templates.counter.shifts)) {
        for (const c of counters)
          add(`counter:${c.serviceId}:${c.ward}`, `${c.ward}役所 ${c.name}`, c.ward, c.name, templates.counter.positions);
      }
    }
  }
  return posts;
}
