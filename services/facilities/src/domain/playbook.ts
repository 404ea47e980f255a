import { FacilityStatus, Incident, Mode, ModeLevel, incidentWord, levelWord } from "@crisis/platform/contracts";
import { Facility } from "./facility";

export interface DesiredStatus {
  status: FacilityStatus;
  reason: string;
}

const ordinary: DesiredStatus = { status: FacilityStatus.FACILITY_STATUS_NORMAL, reason: "" };

export function inScope(facility: Facility, mode: Mode): boolean {
  return mode.wards.length === 0 || mode.wards.includes(facility.ward);
}

/**
 * The minimal built-in playbook. A natural hazard at alert or above opens every designated
 * shelter in scope; at emergency it also closes the libraries (as in the 2026 earthquake).
 * A pandemic opens no shelters; it restricts libraries at alert and closes them at emergency
 * (as in 2020). Out of scope, or at normal and watch, a facility keeps its ordinary status.
 */
export function desiredStatus(facility: Facility, mode: Mode): DesiredStatus {
  if (!inScope(facility, mode) || mode.level < ModeLevel.MODE_LEVEL_ALERT) return ordinary;
  const why = `${incidentWord(mode.incident, "ja")} ${levelWord(mode.level, "ja")}`;
  const emergency = mode.level >= ModeLevel.MODE_LEVEL_EMERGENCY;
  if (mode.incident === Incident.INCIDENT_PANDEMIC) {
    if (facility.category !== "library") return ordinary;
    return emergency
      ? { status: FacilityStatus.FACILITY_STATUS_CLOSED, reason: `${why}: 臨時休館` }
      : { status: FacilityStatus.FACILITY_STATUS_RESTRICTED, reason: `${why}: 貸出・返却のみ` };
  }
  if (facility.designatedShelter) return { status: FacilityStatus.FACILITY_STATUS_SHELTER_OPEN, reason: `${why}: 避難所開設` };
  if (facility.category === "library" && emergency) return { status: FacilityStatus.FACILITY_STATUS_CLOSED, reason: `${why}: 臨時休館` };
  return ordinary;
}
