import { ChangeSource } from "@crisis/platform/contracts";
import { ServiceLevelChanged } from "@crisis/platform/contracts/events";
import { FacilityDecision, SetServiceLevelRequest, SetServiceLevelResponse } from "@crisis/platform/contracts/facilities";
import { manualLevel } from "../domain/decisions";
import { serviceKey } from "./announce-condition";
import { serviceDef, serviceView } from "./list-services";
import { FacilitiesDeps } from "./ports";

/** Publishes a service channel's level at `at` if it differs from the one last announced. */
export async function announceLevel(
  deps: FacilitiesDeps,
  serviceId: string,
  channel: string,
  cause: { eventId: string; causeEventId: string; source: ChangeSource; at: Date },
  correlationId: string,
): Promise<ServiceLevelChanged | undefined> {
  const def = deps.board.serviceDefs.get(serviceId);
  if (!def) return undefined;
  const before = deps.board.announcedLevel(serviceId, channel);
  const { level, decision } = deps.board.levelAt(serviceId, channel, cause.at.getTime());
  if (level === before) return undefined;
  const change = ServiceLevelChanged.fromPartial({
    eventId: cause.eventId,
    serviceId,
    serviceName: def.name,
    channel,
    previousLevel: before,
    level,
    reason: decision?.reason ?? "",
    startsAt: decision?.startsAt ?? cause.at.toISOString(),
    endsAt: decision?.endsAt ?? "",
    source: cause.source,
    causeEventId: cause.causeEventId,
    changedAt: cause.at.toISOString(),
    wards: decision?.wards ?? [],
  });
  await deps.events.serviceLevelChanged(change, correlationId);
  deps.board.announceLevel(change);
  return change;
}

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
  const decision = FacilityDecision.fromPartial({
    eventId: deps.newId(),
    decidedAt: now.toISOString(),
    decidedBy: req.author,
    reason: level.reason,
    serviceLevel: level,
  });
  const key = serviceKey(def.id, req.channel);
  const seq = await deps.decisions.record(decision, key, deps.board.decisionSeq.get(key) ?? 0, correlationId);
  deps.board.recordDecision(decision, seq, key);
  await announceLevel(
    deps,
    def.id,
    req.channel,
    { eventId: `${decision.eventId}.level`, causeEventId: decision.eventId, source: ChangeSource.CHANGE_SOURCE_MANUAL, at: now },
    correlationId,
  );
  return { service: serviceView(deps.board, def, now.getTime()), changed: true };
}
