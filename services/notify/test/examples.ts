import { Incident, Mode, ModeLevel } from "@crisis/platform/contracts";
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
