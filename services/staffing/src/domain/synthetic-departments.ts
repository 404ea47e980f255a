import { WARDS, type Skill, type Ward } from "./types";

/**
 * The shape of a 740,000-person city's workforce, modelled on Kumamoto City: ward offices and
 * health centres in each of the five wards, then city-wide bureaus. Weights are relative
 * headcounts; `skills` are the chances that a member holds each skill; `release` is the share
 * a department may send to emergency posts at mode levels 1, 2, 3.
 */
export interface DepartmentProfile {
  readonly id: string;
  readonly name: string;
  readonly ward: Ward;
  readonly weight: number;
  readonly skills: Readonly<Record<Skill, number>>;
  readonly release: readonly [number, number, number];
  /** Share of the holders of a skill that must stay, for departments whose service depends on it. */
  readonly keepSkills?: Readonly<Record<Skill, number>>;
}

const OFFICE = { 事務: 0.9, 運転: 0.2, 避難所運営研修: 0.1, "通訳:英語": 0.02, "通訳:中国語": 0.01, 手話: 0.01 };
const WARD_ROMAJI: Record<Ward, string> = { 中央区: "chuo", 東区: "higashi", 西区: "nishi", 南区: "minami", 北区: "kita" };

function wardDepartments(ward: Ward): DepartmentProfile[] {
  const w = WARD_ROMAJI[ward];
  return [
    { id: `${w}-kumin`, name: `${ward}役所 区民課`, ward, weight: 60, skills: OFFICE, release: [0.1, 0.25, 0.4] },
    {
      id: `${w}-somu`,
      name: `${ward}役所 総務企画課`,
      ward,
      weight: 30,
      skills: { ...OFFICE, 避難所運営研修: 0.45 },
      release: [0.2, 0.4, 0.6],
    },
    { id: `${w}-fukushi`, name: `${ward}役所 福祉課`, ward, weight: 70, skills: { ...OFFICE, 手話: 0.05 }, release: [0.1, 0.2, 0.35] },
    {
      id: `${w}-hoken`,
      name: `${ward}保健センター`,
      ward,
      weight: 55,
      skills: { 事務: 0.5, 保健師: 0.4, 看護師: 0.1, 避難所運営研修: 0.1 },
      release: [0.1, 0.2, 0.35],
      keepSkills: { 保健師: 0.5 },
    },
    {
      id: `${w}-machi`,
      name: `${ward}まちづくりセンター`,
      ward,
      weight: 25,
      skills: { ...OFFICE, 避難所運営研修: 0.4 },
      release: [0.2, 0.4, 0.6],
    },
    { id: `${w}-doboku`, name: `${ward}土木センター`, ward, weight: 50, skills: { ...OFFICE, 運転: 0.7 }, release: [0, 0.1, 0.2] },
  ];
}

const CITY_WIDE: DepartmentProfile[] = [
  { id: "kikikanri", name: "危機管理防災課", ward: "中央区", weight: 30, skills: { ...OFFICE, 避難所運営研修: 0.9 }, release: [0, 0, 0] },
  { id: "somu", name: "総務課", ward: "中央区", weight: 80, skills: OFFICE, release: [0.1, 0.3, 0.5] },
  { id: "jinji", name: "人事課", ward: "中央区", weight: 60, skills: OFFICE, release: [0.1, 0.3, 0.5] },
  { id: "zaisei", name: "財政課", ward: "中央区", weight: 40, skills: OFFICE, release: [0.1, 0.3, 0.5] },
  { id: "shiminzei", name: "市民税課", ward: "中央区", weight: 150, skills: OFFICE, release: [0.15, 0.35, 0.55] },
  { id: "shisanzei", name: "資産税課", ward: "中央区", weight: 130, skills: OFFICE, release: [0.1, 0.2, 0.3] },
  { id: "nozei", name: "納税課", ward: "中央区", weight: 120, skills: OFFICE, release: [0.15, 0.35, 0.55] },
  { id: "kenkofukushi", name: "健康福祉政策課", ward: "中央区", weight: 60, skills: OFFICE, release: [0.1, 0.3, 0.5] },
  { id: "koreisha", name: "高齢者支援課", ward: "中央区", weight: 70, skills: { ...OFFICE, 看護師: 0.05 }, release: [0.05, 0.15, 0.25] },
  {
    id: "shogai",
    name: "障がい保健福祉課",
    ward: "中央区",
    weight: 80,
    skills: { ...OFFICE, 手話: 0.1, 保健師: 0.05 },
    release: [0.05, 0.15, 0.25],
  },
  { id: "kodomo", name: "子ども政策課", ward: "中央区", weight: 60, skills: OFFICE, release: [0.1, 0.3, 0.5] },
  {
    id: "hokenjo",
    name: "熊本市保健所",
    ward: "中央区",
    weight: 120,
    skills: { 事務: 0.5, 保健師: 0.35, 看護師: 0.15 },
    release: [0.05, 0.15, 0.3],
    keepSkills: { 保健師: 0.6 },
  },
  { id: "kankyo", name: "環境事業所", ward: "東区", weight: 250, skills: { 事務: 0.3, 運転: 0.8 }, release: [0, 0.1, 0.2] },
  {
    id: "byoin",
    name: "熊本市民病院",
    ward: "東区",
    weight: 800,
    skills: { 看護師: 0.6, 事務: 0.3 },
    release: [0, 0.02, 0.05],
    keepSkills: { 看護師: 0.95 },
  },
  {
    id: "toshokan",
    name: "市立図書館",
    ward: "中央区",
    weight: 120,
    skills: { ...OFFICE, 避難所運営研修: 0.15 },
    release: [0.3, 0.6, 0.8],
  },
  {
    id: "sports",
    name: "体育施設（スポーツ振興）",
    ward: "南区",
    weight: 80,
    skills: { ...OFFICE, 避難所運営研修: 0.3 },
    release: [0.3, 0.6, 0.8],
  },
  {
    id: "bunka",
    name: "文化施設（市民会館・博物館）",
    ward: "中央区",
    weight: 70,
    skills: { ...OFFICE, 避難所運営研修: 0.15 },
    release: [0.3, 0.6, 0.8],
  },
  {
    id: "gakko",
    name: "教育委員会 学校事務",
    ward: "中央区",
    weight: 250,
    skills: { ...OFFICE, 避難所運営研修: 0.2 },
    release: [0.1, 0.3, 0.5],
  },
  { id: "suido", name: "上下水道局", ward: "中央区", weight: 400, skills: { ...OFFICE, 運転: 0.5 }, release: [0, 0.05, 0.1] },
  { id: "kotsu", name: "交通局", ward: "北区", weight: 200, skills: { 事務: 0.4, 運転: 0.8 }, release: [0, 0.05, 0.1] },
  { id: "toshi", name: "都市建設局", ward: "中央区", weight: 300, skills: { ...OFFICE, 運転: 0.4 }, release: [0.05, 0.15, 0.25] },
  {
    id: "keizai",
    name: "経済観光局",
    ward: "中央区",
    weight: 150,
    skills: { ...OFFICE, "通訳:英語": 0.08, "通訳:中国語": 0.04, "通訳:韓国語": 0.03 },
    release: [0.1, 0.3, 0.5],
  },
  { id: "nosui", name: "農水局", ward: "北区", weight: 100, skills: { ...OFFICE, 運転: 0.5 }, release: [0.1, 0.3, 0.5] },
  {
    id: "kokusai",
    name: "国際課",
    ward: "中央区",
    weight: 20,
    skills: { 事務: 0.9, "通訳:英語": 0.6, "通訳:中国語": 0.3, "通訳:韓国語": 0.2, "通訳:ベトナム語": 0.2 },
    release: [0.1, 0.3, 0.5],
  },
];

export const DEPARTMENT_PROFILES: readonly DepartmentProfile[] = [...WARDS.flatMap(wardDepartments), ...CITY_WIDE];
