import { JetStreamClient, isWrongLastSequence, publishEvent } from "@crisis/platform";
import { EventType } from "@crisis/platform/contracts";
import { FacilityDecision } from "@crisis/platform/contracts/facilities";
import { DecisionLog } from "../../app/ports";
import { errors } from "../../domain/errors";

/**
 * The facilities service's own record of decisions (its private stream, streams.facilitiesDecision):
 * one subject per facility or service channel, `facilities.decision.recorded.<hex of the entity key>`.
 */
const decisionType = (entityKey: string): EventType<FacilityDecision> => ({
  subject: `facilities.decision.recorded.${Buffer.from(entityKey).toString("hex")}`,
  name: "crisis.v1.FacilityDecision",
  codec: FacilityDecision,
});

export const entityKeyOf = (subject: string) => Buffer.from(subject.split(".").pop() ?? "", "hex").toString();

export function jetStreamDecisionLog(js: JetStreamClient): DecisionLog {
  return {
    async record(decision, entityKey, expectedSeq, correlationId) {
      try {
        const { seq } = await publishEvent(js, decisionType(entityKey), decision, {
          eventId: decision.eventId,
          correlationId,
          expectLastSubjectSequence: expectedSeq,
        });
        return seq;
      } catch (err) {
        if (isWrongLastSequence(err)) throw errors.decisionConflict();
        throw err;
      }
    },
  };
}
