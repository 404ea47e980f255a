import { Lang, LevelName, ShelterName, UseName, shelterTerms, useTerms } from "./vocabulary";

/**
 * The one reading of a facility's state that every page, feed and message shows, so they cannot
 * disagree. A designated shelter during a declared mode, and any shelter once staff or a playbook
 * opened or closed it, reads by its shelter operation first: a shelter closed because its ceiling
 * fell must never read 「通常どおり」 because the building's ordinary use is unchanged.
 */
export const stateTerms = {
  shelter_open: { ja: "避難所開設中", en: "shelter open" },
  shelter_closed: { ja: "避難所閉鎖", en: "shelter closed" },
  shelter_not_opened: { ja: "避難所未開設", en: "shelter not opened" },
  closed: { ja: "休館", en: "closed" },
  restricted: { ja: "利用制限", en: "restricted" },
  normal: { ja: "通常どおり", en: "open as usual" },
  unknown: { ja: "不明", en: "unknown" },
} as const satisfies Record<string, Readonly<Record<Lang, string>>>;
export type StateKey = keyof typeof stateTerms;
export const stateKeys = Object.keys(stateTerms) as StateKey[];

/** What a reading is made from, in the API's words (each service converts its own enums with useName, shelterName). */
export interface FacilityStateInput {
  designatedShelter: boolean;
  /** The ordinary use (a UseName); null or another word when not known. */
  use: string | null;
  /** The shelter operation (a ShelterName); null for a facility that cannot be a shelter. */
  shelter: string | null;
  /** The combined status (a StatusName), used only when the use is not known. */
  status?: string | null;
  /** Every active reason, the shelter decision's first. */
  reasons: readonly string[];
  since: string | null;
}

export interface FacilityReading {
  /** The state word's key: what a person is told first. */
  state: StateKey;
  /** Whether the shelter operation leads (then `use` is told after it, as the building's ordinary use). */
  shelterFirst: boolean;
  shelter: ShelterName | null;
  use: UseName | null;
  reasons: string[];
  since: string | null;
}

const isUse = (v: string | null | undefined): v is UseName => !!v && Object.hasOwn(useTerms, v);
const isShelter = (v: string | null | undefined): v is ShelterName => !!v && Object.hasOwn(shelterTerms, v);

const byUse = (use: UseName): StateKey => (use === "open" ? "normal" : use === "closed" ? "closed" : "restricted");

const byStatus = (status: string | null | undefined): StateKey => {
  switch (status) {
    case "shelter_open":
      return "shelter_open";
    case "closed":
    case "restricted":
    case "normal":
      return status;
    default:
      return "unknown";
  }
};

/** A facility's state as people are told it, under the mode `level` now in force. */
export function readFacilityState(f: FacilityStateInput, level: LevelName | string): FacilityReading {
  const shelter = isShelter(f.shelter) ? f.shelter : null;
  const use = isUse(f.use) ? f.use : null;
  const shelterFirst = shelter !== null && (shelter !== "not_opened" || (f.designatedShelter && level !== "normal"));
  const state: StateKey = shelterFirst ? `shelter_${shelter}` : use ? byUse(use) : byStatus(f.status);
  return { state, shelterFirst, shelter, use, reasons: [...f.reasons], since: f.since };
}

/** The reading's first word, in one language. */
export const stateWord = (state: StateKey | string, lang: Lang): string =>
  Object.hasOwn(stateTerms, state) ? stateTerms[state as StateKey][lang] : state;
