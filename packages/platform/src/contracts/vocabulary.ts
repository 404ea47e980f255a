import { CrowdingLevel, SupplyNeed } from "./gen/crisis/v1/crowding";
import { FacilityStatus, FacilityUse, Incident, ModeLevel, ServiceLevel, ShelterOperation } from "./gen/crisis/v1/common";

/**
 * The city's shared vocabulary, defined once: every list (wards, facility categories,
 * incidents, mode levels, facility statuses) and its words in each language. A service never
 * keeps its own copy. To add a language (zh, ko, vi), add it to `languages`; the compiler then
 * names every term that still lacks its word.
 */
export const languages = ["ja", "en"] as const;
export type Lang = (typeof languages)[number];
export type Words = Readonly<Record<Lang, string>>;

const catalogue = <K extends string>(table: Record<K, Words>) => table;

/** Kumamoto City's five wards; the key is the name the city's data and topics use. */
export const wardWords = catalogue({
  中央区: { ja: "中央区", en: "Chuo Ward" },
  東区: { ja: "東区", en: "Higashi Ward" },
  西区: { ja: "西区", en: "Nishi Ward" },
  南区: { ja: "南区", en: "Minami Ward" },
  北区: { ja: "北区", en: "Kita Ward" },
});
export type Ward = keyof typeof wardWords;
export const wards = Object.keys(wardWords) as Ward[];

/** What kind of building a facility is. */
export const categoryWords = catalogue({
  school: { ja: "学校", en: "school" },
  community_center: { ja: "公民館・地域コミュニティセンター", en: "community centre" },
  sports: { ja: "体育施設", en: "sports facility" },
  welfare: { ja: "福祉施設", en: "welfare facility" },
  culture: { ja: "文化施設", en: "cultural facility" },
  university: { ja: "大学", en: "university" },
  park: { ja: "公園", en: "park" },
  library: { ja: "図書館", en: "library" },
  museum: { ja: "博物館・美術館", en: "museum" },
  ward_office: { ja: "区役所", en: "ward office" },
  branch_office: { ja: "総合出張所", en: "branch office" },
  city_hall: { ja: "市役所", en: "city hall" },
  other: { ja: "その他", en: "other" },
});
export type Category = keyof typeof categoryWords;
export const categories = Object.keys(categoryWords) as Category[];

/** Incidents a mode is declared for: the API's word, the contract's value, and its words. */
export const incidentTerms = {
  earthquake: { value: Incident.INCIDENT_EARTHQUAKE, ja: "地震", en: "earthquake" },
  flood: { value: Incident.INCIDENT_FLOOD, ja: "洪水", en: "flood" },
  typhoon: { value: Incident.INCIDENT_TYPHOON, ja: "台風", en: "typhoon" },
  pandemic: { value: Incident.INCIDENT_PANDEMIC, ja: "感染症", en: "pandemic" },
  other: { value: Incident.INCIDENT_OTHER, ja: "災害", en: "incident" },
} as const satisfies Record<string, Words & { value: Incident }>;
export type IncidentName = keyof typeof incidentTerms;
export const incidentNames = Object.keys(incidentTerms) as IncidentName[];

/** Mode levels, weakest first: the API's word, the contract's value, and the name of the 体制. */
export const levelTerms = {
  normal: { value: ModeLevel.MODE_LEVEL_NORMAL, ja: "通常体制", en: "normal operations" },
  watch: { value: ModeLevel.MODE_LEVEL_WATCH, ja: "注意体制", en: "watch" },
  alert: { value: ModeLevel.MODE_LEVEL_ALERT, ja: "警戒体制", en: "alert" },
  emergency: { value: ModeLevel.MODE_LEVEL_EMERGENCY, ja: "緊急体制", en: "emergency" },
} as const satisfies Record<string, Words & { value: ModeLevel }>;
export type LevelName = keyof typeof levelTerms;
export const levelNames = Object.keys(levelTerms) as LevelName[];

/** A facility's effective status as citizens see it. */
export const statusTerms = {
  normal: { value: FacilityStatus.FACILITY_STATUS_NORMAL, ja: "通常どおり", en: "open as usual" },
  closed: { value: FacilityStatus.FACILITY_STATUS_CLOSED, ja: "休館", en: "closed" },
  restricted: { value: FacilityStatus.FACILITY_STATUS_RESTRICTED, ja: "利用制限", en: "restricted" },
  shelter_open: { value: FacilityStatus.FACILITY_STATUS_SHELTER_OPEN, ja: "避難所開設", en: "open as a shelter" },
} as const satisfies Record<string, Words & { value: FacilityStatus }>;
export type StatusName = keyof typeof statusTerms;

/** A facility's ordinary use, most open first: the API's word, the contract's value, and its words. */
export const useTerms = {
  open: { value: FacilityUse.FACILITY_USE_OPEN, ja: "通常どおり開館", en: "open" },
  reduced_hours: { value: FacilityUse.FACILITY_USE_REDUCED_HOURS, ja: "開館時間短縮", en: "reduced hours" },
  capacity_limited: { value: FacilityUse.FACILITY_USE_CAPACITY_LIMITED, ja: "人数制限", en: "capacity limited" },
  reservation_only: { value: FacilityUse.FACILITY_USE_RESERVATION_ONLY, ja: "予約制", en: "reservation only" },
  partly_closed: { value: FacilityUse.FACILITY_USE_PARTLY_CLOSED, ja: "一部休止", en: "partly closed" },
  closed: { value: FacilityUse.FACILITY_USE_CLOSED, ja: "休館", en: "closed" },
} as const satisfies Record<string, Words & { value: FacilityUse }>;
export type UseName = keyof typeof useTerms;
export const useNames = Object.keys(useTerms) as UseName[];

/** A designated shelter's operation, kept apart from its use. */
export const shelterTerms = {
  not_opened: { value: ShelterOperation.SHELTER_OPERATION_NOT_OPENED, ja: "未開設", en: "not opened" },
  open: { value: ShelterOperation.SHELTER_OPERATION_OPEN, ja: "開設中", en: "open" },
  closed: { value: ShelterOperation.SHELTER_OPERATION_CLOSED, ja: "閉鎖", en: "closed" },
} as const satisfies Record<string, Words & { value: ShelterOperation }>;
export type ShelterName = keyof typeof shelterTerms;

/** How a counter service is offered on one channel. */
export const serviceLevelTerms = {
  normal: { value: ServiceLevel.SERVICE_LEVEL_NORMAL, ja: "通常どおり", en: "normal" },
  reduced: { value: ServiceLevel.SERVICE_LEVEL_REDUCED, ja: "時間短縮", en: "reduced hours" },
  suspended: { value: ServiceLevel.SERVICE_LEVEL_SUSPENDED, ja: "休止", en: "suspended" },
  online_only: { value: ServiceLevel.SERVICE_LEVEL_ONLINE_ONLY, ja: "オンラインのみ", en: "online only" },
  extended: { value: ServiceLevel.SERVICE_LEVEL_EXTENDED, ja: "臨時開設・延長", en: "extended" },
} as const satisfies Record<string, Words & { value: ServiceLevel }>;
export type ServiceLevelName = keyof typeof serviceLevelTerms;
export const serviceLevelNames = Object.keys(serviceLevelTerms) as ServiceLevelName[];

/** Where a counter service is offered. */
export const channelWords = catalogue({
  counter: { ja: "区役所窓口", en: "ward office counter" },
  branch_office: { ja: "総合出張所", en: "branch office" },
  convenience_store: { ja: "コンビニ交付", en: "convenience store" },
  online: { ja: "オンライン申請（マイナポータル）", en: "online (Myna Portal)" },
  phone: { ja: "電話", en: "phone" },
});
export type Channel = keyof typeof channelWords;
export const channels = Object.keys(channelWords) as Channel[];

/**
 * How full a shelter is, emptiest first: the four levels of Japanese municipalities' shelter
 * crowding maps, and unknown (no capacity known, or no recent report).
 */
export const crowdingTerms = {
  unknown: { value: CrowdingLevel.CROWDING_LEVEL_UNKNOWN, ja: "不明", en: "unknown" },
  open: { value: CrowdingLevel.CROWDING_LEVEL_OPEN, ja: "空き", en: "room available" },
  busy: { value: CrowdingLevel.CROWDING_LEVEL_BUSY, ja: "やや混雑", en: "busy" },
  crowded: { value: CrowdingLevel.CROWDING_LEVEL_CROWDED, ja: "混雑", en: "crowded" },
  full: { value: CrowdingLevel.CROWDING_LEVEL_FULL, ja: "満", en: "full" },
} as const satisfies Record<string, Words & { value: CrowdingLevel }>;
export type CrowdingName = keyof typeof crowdingTerms;
export const crowdingNames = Object.keys(crowdingTerms) as CrowdingName[];

/** How a supply stands at a shelter (occupancy reports). */
export const supplyNeedTerms = {
  enough: { value: SupplyNeed.SUPPLY_NEED_ENOUGH, ja: "足りている", en: "enough" },
  short: { value: SupplyNeed.SUPPLY_NEED_SHORT, ja: "不足", en: "running short" },
  out: { value: SupplyNeed.SUPPLY_NEED_OUT, ja: "なし", en: "none left" },
} as const satisfies Record<string, Words & { value: SupplyNeed }>;
export type SupplyNeedName = keyof typeof supplyNeedTerms;
export const supplyNeedNames = Object.keys(supplyNeedTerms) as SupplyNeedName[];

const nameOf = <K extends string>(terms: Record<K, { value: number }>, value: number): K | undefined =>
  (Object.keys(terms) as K[]).find((k) => terms[k].value === value);

export const incidentName = (value: Incident): IncidentName | undefined => nameOf(incidentTerms, value);
export const levelName = (value: ModeLevel): LevelName | undefined => nameOf(levelTerms, value);
export const statusName = (value: FacilityStatus): StatusName | undefined => nameOf(statusTerms, value);
export const useName = (value: FacilityUse): UseName | undefined => nameOf(useTerms, value);
export const shelterName = (value: ShelterOperation): ShelterName | undefined => nameOf(shelterTerms, value);
export const crowdingName = (value: CrowdingLevel): CrowdingName => nameOf(crowdingTerms, value) ?? "unknown";
export const supplyNeedName = (value: SupplyNeed): SupplyNeedName | undefined => nameOf(supplyNeedTerms, value);
export const serviceLevelName = (value: ServiceLevel): ServiceLevelName | undefined => nameOf(serviceLevelTerms, value);

export const isWard = (value: string): value is Ward => Object.hasOwn(wardWords, value);
export const isCategory = (value: string): value is Category => Object.hasOwn(categoryWords, value);
export const isChannel = (value: string): value is Channel => Object.hasOwn(channelWords, value);

/** The words for an incident and a level, in one language; unknown values read as generic words. */
export const incidentWord = (value: Incident, lang: Lang) => incidentTerms[incidentName(value) ?? "other"][lang];
export const levelWord = (value: ModeLevel, lang: Lang) => levelTerms[levelName(value) ?? "normal"][lang];
export const wardWord = (ward: string, lang: Lang) => (isWard(ward) ? wardWords[ward][lang] : ward);
export const categoryWord = (category: string, lang: Lang) => (isCategory(category) ? categoryWords[category][lang] : category);
