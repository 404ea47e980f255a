import { ChangeSource } from "@crisis/platform/contracts";
import { DeepPartial, FacilityDecision } from "@crisis/platform/contracts/facilities";
import { announceCondition, announceLevel } from "./announce";
import { FacilitiesDeps } from "./ports";

/** What a staff decision is about: one facility, or one counter service on one channel. */
export type Decided = { facilityId: string } | { serviceId: string; channel: string };

/** What was decided, by whom and why; the decision's id, time and facility come from `decide`. */
export type Decision = Omit<DeepPartial<FacilityDecision>, "eventId" | "decidedAt" | "facilityId">;

/** What a decision publishes besides (or instead of) the status or level it changes. */
export interface Announcing {
  /** Published once the board holds the decision, before the status (a restriction's schedule). */
  first?: (decision: FacilityDecision) => Promise<void>;
  /** Published instead of a status: a correction is never a status change. */
  instead?: (decision: FacilityDecision) => Promise<void>;
}

/** Each facility's and each service channel's decisions are one subject of the decision log. */
const keyOf = (about: Decided) => ("facilityId" in about ? `facility:${about.facilityId}` : `service:${about.serviceId}/${about.channel}`);

/**
 * Every staff decision is written the same way: recorded in the decision log against the sequence the
 * board last read (another writer in between makes it fail with DECISION_CONFLICT, and nothing else
 * happens), then applied to the board, then announced — the facility's status or the channel's level,
 * only if it really changed, under an id derived from the decision so a retry publishes nothing twice.
 */
export async function decide(
  deps: FacilitiesDeps,
  about: Decided,
  made: Decision,
  at: Date,
  correlationId: string,
  announcing: Announcing = {},
): Promise<FacilityDecision> {
  const decision = FacilityDecision.fromPartial({
    ...made,
    eventId: deps.newId(),
    facilityId: "facilityId" in about ? about.facilityId : "",
    decidedAt: at.toISOString(),
  });
  const key = keyOf(about);
  const seq = await deps.decisions.record(decision, key, deps.board.decisionSeq.get(key) ?? 0, correlationId);
  deps.board.recordDecision(decision, seq, key);
  await announcing.first?.(decision);
  if (announcing.instead) {
    await announcing.instead(decision);
    return decision;
  }
  const cause = { causeEventId: decision.eventId, source: ChangeSource.CHANGE_SOURCE_MANUAL, at };
  if ("facilityId" in about)
    await announceCondition(deps, about.facilityId, { ...cause, eventId: `${decision.eventId}.status` }, correlationId);
  else await announceLevel(deps, about.serviceId, about.channel, { ...cause, eventId: `${decision.eventId}.level` }, correlationId);
  return decision;
}
