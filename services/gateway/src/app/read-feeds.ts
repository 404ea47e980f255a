import { errors } from "../domain/errors";
import { LiveStatus } from "./follow-status";

/** The latest changes, newest first, for the Atom feed. */
export function readChanges(live: LiveStatus) {
  if (!live.ready()) throw errors.statusWarmingUp();
  return { version: live.version, updated: live.lastModified, changes: [...live.recent].reverse() };
}

/** The newest CAP message and the shelters open now, which its areas name. */
export function readAlert(live: LiveStatus) {
  if (!live.ready()) throw errors.statusWarmingUp();
  const message = live.latestAlert();
  if (!message) throw errors.noAlert();
  return { version: live.version, message, shelters: live.view.openShelters() };
}
