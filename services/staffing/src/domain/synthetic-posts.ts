import { WARDS, type Post, type PositionNeed, type Ward } from "./types";

/**
 * Emergency posts after the M7.1 earthquake of 2026-07-28 16:27 JST. Open shelters per ward on
 * 07-29 follow the city's report (183 in all); places are numbered, not named, since the
 * roster is made up too.
 */
export const OPEN_SHELTERS_0729: Readonly<Record<Ward, number>> = { 中央区: 44, 東区: 33, 西区: 29, 南区: 37, 北区: 40 };

/** Round-the-clock shifts in Japan time: day, evening, night. */
const SHIFTS: readonly (readonly [string, string, number])[] = [
  ["day", "07:00", 8],
  ["evening", "15:00", 8],
  ["night", "23:00", 8],
];
const SHELTERS_PER_ROUND = 5;

const SHELTER: PositionNeed[] = [
  { skills: ["避難所運営研修"], count: 1 },
  { skills: [], count: 2 },
];
const HEALTH_ROUND: PositionNeed[] = [{ skills: ["保健師"], count: 1 }];
const CALL_CENTRE: PositionNeed[] = [
  { skills: ["事務"], count: 8 },
  { skills: ["通訳:英語"], count: 1 },
  { skills: ["通訳:中国語"], count: 1 },
  { skills: ["手話"], count: 1 },
];
const DAMAGE_CERTIFICATE_COUNTER: PositionNeed[] = [{ skills: ["事務"], count: 4 }];

export interface PostOptions {
  /** Days in Japan time, e.g. ["2026-07-29"]. */
  readonly days: readonly string[];
  readonly sheltersPerWard?: Readonly<Record<Ward, number>>;
  /** Health rounds and り災証明 counters run in the daytime only unless this is set. */
  readonly roundTheClock?: boolean;
}

export function earthquakePosts({ days, sheltersPerWard = OPEN_SHELTERS_0729, roundTheClock = false }: PostOptions): Post[] {
  const shelters = WARDS.flatMap((ward) => Array.from({ length: sheltersPerWard[ward] }, (_, i) => ({ ward, number: i + 1 })));
  const posts: Post[] = [];
  for (const day of days) {
    for (const [name, at, hours] of SHIFTS) {
      const start = new Date(`${day}T${at}:00+09:00`);
      const end = new Date(start.getTime() + hours * 3_600_000);
      const daytime = name === "day" || roundTheClock;
      const add = (id: string, place: string, ward: Ward, duty: string, positions: PositionNeed[]) =>
        posts.push({ id: `${id}@${day}-${name}`, place, ward, duty, start, end, positions });
      for (const s of shelters) add(`shelter-${s.ward}-${s.number}`, `${s.ward} 避難所 ${s.number}`, s.ward, "避難所運営", SHELTER);
      if (daytime) {
        for (let i = 0; i < shelters.length; i += SHELTERS_PER_ROUND) {
          const first = shelters[i]!;
          add(
            `health-round-${i / SHELTERS_PER_ROUND + 1}`,
            `${first.ward} 避難所巡回 ${i / SHELTERS_PER_ROUND + 1}`,
            first.ward,
            "保健師巡回",
            HEALTH_ROUND,
          );
        }
        for (const ward of WARDS) add(`risai-${ward}`, `${ward}役所 り災証明窓口`, ward, "り災証明受付", DAMAGE_CERTIFICATE_COUNTER);
      }
      add("call-centre", "災害コールセンター（市役所）", "中央区", "電話相談", CALL_CENTRE);
    }
  }
  return posts;
}
