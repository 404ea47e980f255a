import { Backbone, decodeEvent, replaySubject, streams } from "@crisis/platform";
import { eventTypes } from "@crisis/platform/contracts";
import { FacilityDecision } from "@crisis/platform/contracts/facilities";
import { declaredAt } from "../../app/apply-playbook";
import { CityBoard } from "../../domain/city-board";
import { commitPlan, planMode } from "../../domain/mode-plan";
import { Playbook, playbookFor } from "../../domain/playbook";
import { entityKeyOf } from "./decision-log";

/**
 * Rebuilds the board at start: the playbook layers from every PlaybookApplied (in order), staff
 * decisions from the decision log, and what was last announced from the status and level events.
 */
export async function replayBoard(
  backbone: Backbone,
  board: CityBoard,
  playbooks: Playbook[],
  /** Told how far the status events (the bulk of a replay) have been read. */
  onProgress?: (read: number, stored: number) => void,
): Promise<Record<string, number>> {
  const { js, jsm } = backbone;
  const applied = await replaySubject(js, jsm, streams.facility.name, eventTypes.playbookApplied.subject, (msg) => {
    const { event } = decodeEvent(eventTypes.playbookApplied, msg);
    if (!event.mode) return;
    const at = declaredAt({ eventId: event.modeEventId, mode: event.mode, previousLevel: 0 }, new Date(event.appliedAt));
    commitPlan(
      board,
      planMode(board, playbookFor(playbooks, event.mode), event.mode, event.modeEventId, at),
      event.mode,
      event.modeEventId,
    );
  });
  const decisions = await replaySubject(js, jsm, streams.facilitiesDecision.name, "facilities.decision.recorded.>", (msg) =>
    board.recordDecision(FacilityDecision.decode(msg.data), msg.seq, entityKeyOf(msg.subject)),
  );
  const statuses = await replaySubject(
    js,
    jsm,
    streams.facility.name,
    eventTypes.facilityStatusChanged.subject,
    (msg) => board.announce(decodeEvent(eventTypes.facilityStatusChanged, msg).event),
    onProgress,
  );
  const levels = await replaySubject(js, jsm, streams.service.name, eventTypes.serviceLevelChanged.subject, (msg) =>
    board.announceLevel(decodeEvent(eventTypes.serviceLevelChanged, msg).event),
  );
  return { applied, decisions, statuses, levels };
}
