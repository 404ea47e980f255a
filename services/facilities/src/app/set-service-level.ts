import { SetServiceLevelRequest, SetServiceLevelResponse } from "@crisis/platform/contracts/facilities";
import { manualLevel } from "../domain/decisions";
import { decide } from "./decide";
import { serviceDef, serviceView } from "./list-services";
import { FacilitiesDeps } from "./ports";

/** Staff set one counter service's level on one channel, now or for a window. The same level again (now, no window) changes nothing. */
export async function setServiceLevel(
  deps: FacilitiesDeps,
  req: SetServiceLevelRequest,
  correlationId: string,
): Promise<SetServiceLevelResponse> {
  const def = serviceDef(deps.board, req.serviceId, req.channel);
  const now = deps.clock.now();
  const level = manualLevel(req, deps.newId(), now);
  if (!req.startsAt && !req.endsAt && deps.board.levelAt(def.id, req.channel, now.getTime()).level === level.level)
    return { service: serviceView(deps.board, def, now.getTime()), changed: false };
  await decide(
    deps,
    { serviceId: def.id, channel: req.channel },
    { decidedBy: req.author, reason: level.reason, serviceLevel: level },
    now,
    correlationId,
  );
  return { service: serviceView(deps.board, def, now.getTime()), changed: true };
}
