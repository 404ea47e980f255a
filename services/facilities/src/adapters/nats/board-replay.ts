import { Backbone, decodeEvent, replaySubject, streams } from "@crisis/platform";
import { eventTypes } from "@crisis/platform/contracts";
import { FacilityBoard } from "../../domain/facility-board";

/** Rebuilds the facility board from every stored status event. */
export function replayBoard(
  backbone: Backbone,
  board: FacilityBoard,
  onProgress?: (read: number, stored: number) => void,
): Promise<number> {
  return replaySubject(
    backbone.js,
    backbone.jsm,
    streams.facility.name,
    eventTypes.facilityStatusChanged.subject,
    (msg) => board.apply(decodeEvent(eventTypes.facilityStatusChanged, msg).event),
    onProgress,
  );
}
