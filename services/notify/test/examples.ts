import { FacilityStatus, Incident, Mode, ModeLevel } from "@crisis/platform/contracts";
import { FacilityStatusChanged, PlaybookApplied } from "@crisis/platform/contracts/events";
import { Subscription } from "../src/domain/subscription";

/** A city-wide earthquake emergency, as a declaration carries it. */
export const quake: Mode = {
  incident: Incident.INCIDENT_EARTHQUAKE,
  level: ModeLevel.MODE_LEVEL_EMERGENCY,
  wards: [],
  reason: "",
  declaredBy: "",
  declaredAt: "",
};

/** A stored subscription following these topics (its keys are never used for encryption here). */
export const aSubscription = (id: string, topics: string[]): Subscription => ({
  id,
  endpoint: `https://fcm.googleapis.com/fcm/send/${id}`,
  p256dh: "p",
  auth: "a",
  topics,
  lang: "ja",
  tokenHash: "h",
  createdAt: "2026-07-28T07:30:00.000Z",
});

/** A declaration's applied playbook that opened one shelter in Chūō (alert id `<modeEventId>.alert`). */
export const shelterOpened = (modeEventId: string) =>
  PlaybookApplied.fromPartial({
    eventId: `${modeEventId}.applied`,
    modeEventId,
    mode: quake,
    changes: [
      FacilityStatusChanged.fromPartial({
        facilityId: `s-${modeEventId}`,
        facilityName: "熊本市立白川小学校",
        category: "school",
        ward: "中央区",
        previousStatus: FacilityStatus.FACILITY_STATUS_NORMAL,
        status: FacilityStatus.FACILITY_STATUS_SHELTER_OPEN,
      }),
    ],
  });
