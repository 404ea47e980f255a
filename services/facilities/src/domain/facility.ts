import { Category, FacilityStatus, Ward } from "@crisis/platform/contracts";

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
