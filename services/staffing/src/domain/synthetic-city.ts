import { pick, pickWeighted, seededRandom, type Random } from "./random";
import { DEPARTMENT_PROFILES, type DepartmentProfile } from "./synthetic-departments";
import { WARDS, type Department, type Period, type StaffMember, type Ward } from "./types";

/** Made-up names: no real person is meant. */
const SURNAMES = [
  "佐藤",
  "鈴木",
  "高橋",
  "田中",
  "渡辺",
  "伊藤",
  "山本",
  "中村",
  "小林",
  "加藤",
  "吉田",
  "山田",
  "松本",
  "井上",
  "木村",
  "林",
  "清水",
  "山崎",
  "森",
  "池田",
  "橋本",
  "阿部",
  "石川",
  "坂本",
  "緒方",
  "村上",
  "西村",
  "荒木",
  "宮本",
  "福田",
];
const GIVEN_NAMES = [
  "花子",
  "太郎",
  "美咲",
  "健太",
  "陽菜",
  "翔",
  "結衣",
  "大輝",
  "さくら",
  "拓也",
  "彩",
  "直樹",
  "真由美",
  "浩二",
  "愛",
  "誠",
  "由紀",
  "亮",
  "恵",
  "和也",
];
/** Residents per ward (about 740,000 in all): where staff live follows where people live. */
const WARD_POPULATION: readonly (readonly [Ward, number])[] = [
  ["中央区", 186],
  ["東区", 190],
  ["西区", 93],
  ["南区", 128],
  ["北区", 144],
];
const PART_TIME_SHARE = 0.15;
const PART_TIME_HOURS = [16, 24, 30];
const NIGHT_CLEARED_SHARE = 0.85;
const AWAY_SHARE = 0.03;

export interface SyntheticCity {
  readonly departments: readonly Department[];
  readonly staff: readonly StaffMember[];
}

export interface CityOptions {
  readonly seed: number;
  readonly staffCount?: number;
  /** Start of the days staff may be away (injured, own home damaged, caring for family). */
  readonly awayFrom?: Date;
}

/** A made-up workforce in the real ward and department structure; the same seed gives the same city. */
export function generateCity({ seed, staffCount = 7000, awayFrom = new Date("2026-07-29T00:00:00+09:00") }: CityOptions): SyntheticCity {
  const random = seededRandom(seed);
  const totalWeight = DEPARTMENT_PROFILES.reduce((s, d) => s + d.weight, 0);
  const staff: StaffMember[] = [];
  const departments: Department[] = [];
  let serial = 0;
  for (const profile of DEPARTMENT_PROFILES) {
    const size = Math.max(3, Math.round((profile.weight / totalWeight) * staffCount));
    const members = Array.from({ length: size }, () => makePerson(random, profile, ++serial, awayFrom));
    staff.push(...members);
    departments.push(departmentFor(profile, members));
  }
  return { departments, staff };
}

function makePerson(random: Random, profile: DepartmentProfile, serial: number, awayFrom: Date): StaffMember {
  const skills = Object.entries(profile.skills)
    .filter(([, chance]) => random() < chance)
    .map(([skill]) => skill);
  const ward = random() < 0.5 ? profile.ward : pickWeighted(random, WARD_POPULATION);
  const partTime = random() < PART_TIME_SHARE;
  const away = random() < AWAY_SHARE;
  const awayDays = 1 + Math.floor(random() * 3);
  const unavailable: Period[] = away ? [{ start: awayFrom, end: new Date(awayFrom.getTime() + awayDays * 86_400_000) }] : [];
  return {
    id: `SYN-${String(serial).padStart(5, "0")}`,
    name: `${pick(random, SURNAMES)} ${pick(random, GIVEN_NAMES)}（架空）`,
    department: profile.id,
    ward: WARDS.includes(ward) ? ward : profile.ward,
    skills,
    canWorkNights: random() < NIGHT_CLEARED_SHARE,
    ...(partTime ? { maxHours: pick(random, PART_TIME_HOURS) } : {}),
    unavailable,
    fictional: true,
  };
}

/** Floors in people: the headcount left after releasing the profile's share, and skill floors likewise. */
function departmentFor(profile: DepartmentProfile, members: readonly StaffMember[]): Department {
  const floorAt = (release: number) => {
    const skills = Object.fromEntries(
      Object.entries(profile.keepSkills ?? {}).map(([skill, keep]) => [
        skill,
        Math.ceil(keep * members.filter((m) => m.skills.includes(skill)).length),
      ]),
    );
    return { headcount: Math.ceil(members.length * (1 - release)), ...(profile.keepSkills ? { skills } : {}) };
  };
  const [watch, alert, emergency] = profile.release;
  return { id: profile.id, name: profile.name, floors: { 1: floorAt(watch), 2: floorAt(alert), 3: floorAt(emergency) } };
}
