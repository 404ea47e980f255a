import { errors } from "../../../domain/errors";
import { positionId } from "../domain/status-view";
import { LiveStatus } from "./follow-status";

/**
 * What citizens and managers see: the mode, every facility's effective status, open shelters by
 * ward and the counter services' levels, from the status kept from events. `version` moves on
 * every change, so a caller may keep what it made of the body (and tag) until then.
 */
export function readStatus(live: LiveStatus) {
  if (!live.ready()) throw errors.statusWarmingUp();
  return {
    version: live.version,
    tag: () => `${positionId(live.position)}.${live.version}`,
    lastModified: live.lastModified,
    body: () => live.view.body(),
  };
}
