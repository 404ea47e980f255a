import { Ward, categories, isWard, wards } from "@crisis/platform/contracts";
import { FacilityStatusChanged } from "@crisis/platform/contracts/events";
import { readWaitingTopic } from "./better-time";
import { errors } from "./errors";
import { readBefore, readChange } from "./facility-reading";

/** "shelter" is every designated shelter; the others are facility categories. */
export const topicCategories = ["shelter", ...categories] as const;

export type Topic =
  | { kind: "category"; value: (typeof topicCategories)[number] }
  | { kind: "ward"; value: Ward }
  | { kind: "facility"; value: string }
  | { kind: "service"; value: string }
  | { kind: "staff"; value: string }
  | { kind: "booking"; value: string }
  | { kind: "ticket"; value: string }
  | { kind: "waiting"; value: string }
  | { kind: "reopening"; value: string };

const identifier = /^[\w:.-]{1,64}$/;
/** A counter booking's code as facilities gives it: 8 of the characters people cannot misread. */
const bookingCode = /^[2-9A-HJKMNP-Z]{8}$/;

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
  // Who may follow a staff member's topic is the gateway's decision; here only its shape is checked.
  if (kind === "facility" || kind === "service" || kind === "staff") {
    if (identifier.test(value)) return { kind, value };
    throw errors.topicInvalid(index, topic, `${kind} id must be 1–64 letters, digits or : . _ -`);
  }
  // Whoever holds a booking's (or a remote ticket's) code may follow it: the code is all that names it.
  if (kind === "booking" || kind === "ticket") {
    if (bookingCode.test(value)) return { kind, value };
    throw errors.topicInvalid(index, topic, `${kind} code must be the 8 characters of the ${kind} code`);
  }
  // Which counter services exist is the gateway's to check; here N and the id's shape.
  if (kind === "waiting") {
    const read = readWaitingTopic(value);
    if ("why" in read) throw errors.topicInvalid(index, topic, read.why);
    return { kind, value };
  }
  if (kind === "reopening") {
    if (identifier.test(value)) return { kind, value };
    throw errors.topicInvalid(index, topic, "service id must be 1–64 letters, digits or : . _ -");
  }
  throw errors.topicInvalid(
    index,
    topic,
    "must start with category:, ward:, facility:, service:, staff:, booking:, ticket:, waiting: or reopening:",
  );
}

/** A shelter opened or closed (a closing of one never opened included): its operation leads the reading. */
const touchesShelter = (c: FacilityStatusChanged) =>
  readChange(c).state.startsWith("shelter_") || readBefore(c).state.startsWith("shelter_");

/** The topics whose followers hear about a change: looked up in the topic index, never matched one by one. */
export function topicsOf(change: FacilityStatusChanged): string[] {
  const topics = [`facility:${change.facilityId}`, `ward:${change.ward}`, `category:${change.category}`];
  if (touchesShelter(change)) topics.push("category:shelter");
  return topics;
}
