import { FacilityStatus, Ward, categories, isWard, wards } from "@crisis/platform/contracts";
import { FacilityStatusChanged } from "@crisis/platform/contracts/events";
import { errors } from "./errors";

/** "shelter" is every designated shelter; the others are facility categories. */
export const topicCategories = ["shelter", ...categories] as const;

export type Topic =
  { kind: "category"; value: (typeof topicCategories)[number] } | { kind: "ward"; value: Ward } | { kind: "facility"; value: string };

const facilityId = /^[\w:.-]{1,64}$/;

export function parseTopic(topic: string, index: number): Topic {
  const [kind, value = ""] = topic.split(/:(.*)/s, 2);
  if (kind === "category") {
    if ((topicCategories as readonly string[]).includes(value)) return { kind, value: value as Topic["value"] } as Topic;
    throw errors.topicInvalid(index, topic, `category must be one of ${topicCategories.join(", ")}`);
  }
  if (kind === "ward") {
    if (isWard(value)) return { kind, value };
    throw errors.topicInvalid(index, topic, `ward must be one of ${wards.join(", ")}`);
  }
  if (kind === "facility") {
    if (facilityId.test(value)) return { kind, value };
    throw errors.topicInvalid(index, topic, "facility id must be 1–64 letters, digits or : . _ -");
  }
  throw errors.topicInvalid(index, topic, "must start with category:, ward: or facility:");
}

const touchesShelter = (c: FacilityStatusChanged) =>
  c.status === FacilityStatus.FACILITY_STATUS_SHELTER_OPEN || c.previousStatus === FacilityStatus.FACILITY_STATUS_SHELTER_OPEN;

export function matches(topic: Topic, change: FacilityStatusChanged): boolean {
  if (topic.kind === "ward") return change.ward === topic.value;
  if (topic.kind === "facility") return change.facilityId === topic.value;
  return topic.value === "shelter" ? touchesShelter(change) : change.category === topic.value;
}

/** The changes a subscriber asked to hear about: those matching any of their topics. */
export function changesFor(topics: Topic[], changes: FacilityStatusChanged[]): FacilityStatusChanged[] {
  return changes.filter((c) => topics.some((t) => matches(t, c)));
}
