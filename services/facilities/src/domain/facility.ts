import { FacilityStatus } from "@crisis/platform";

export const wards = ["中央区", "東区", "西区", "南区", "北区"] as const;
export type Ward = (typeof wards)[number];

export const categories = [
  "school", "community_center", "sports", "welfare", "culture", "university", "park", "library", "other",
] as const;
export type Category = (typeof categories)[number];

/** A public facility of the city, as the registry knows it. */
export interface Facility {
  id: string;
  name: string;
  category: Category;
  ward: Ward;
  address: string;
  latitude: number;
  longitude: number;
  /** A designated evacuation shelter (指定避難所). */
  designatedShelter: boolean;
}

/** A facility's effective status and how it came to be. */
export interface FacilityState {
  status: FacilityStatus;
  reason: string;
  since: string;
  /** The event that set this status (a ModeChanged event id), if any. */
  causeEventId: string;
}

export const ordinaryState: FacilityState = {
  status: FacilityStatus.FACILITY_STATUS_NORMAL,
  reason: "",
  since: "",
  causeEventId: "",
};
