import { errors } from "../../../domain/errors";
import { LiveStatus } from "./follow-status";

/** The latest changes, newest first, for the Atom feed. */
export function readChanges(live: LiveStatus) {
  if (!live.ready()) throw errors.statusWarmingUp();
  return { version: live.version, updated: live.lastModified, changes: [...live.recent].reverse() };
}

/**
 * A CAP message (the newest, or one by the id of the change that caused it) and the shelters its
 * areas name: those open (and closed) now for the newest, those of when it was replaced for an older one.
 */
export function readAlert(live: LiveStatus, id?: string) {
  if (!live.ready()) throw errors.statusWarmingUp();
  const message = id === undefined ? live.latestAlert() : live.alerts.find(id);
  if (!message) throw id === undefined ? errors.noAlert() : errors.capMessageNotFound(id);
  return {
    version: live.version,
    message,
    shelters: message.shelters ?? live.view.openShelters(),
    closed: message.closedShelters ?? live.view.closedShelters(),
  };
}
