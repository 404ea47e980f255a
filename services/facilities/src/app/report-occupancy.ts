import { ShelterOperation, eventTypes } from "@crisis/platform/contracts";
import {
  CrowdingChanged,
  CrowdingLevel,
  OccupancyNeeds,
  OccupancyReported,
  ReportOccupancyRequest,
  ReportOccupancyResponse,
  SupplyNeed,
} from "@crisis/platform/contracts/crowding";
import { crowdingLevel } from "../domain/crowding";
import { errors } from "../domain/errors";
import { backAgain, newlyOut, supplies } from "../domain/occupancy";
import { CrowdingDeps } from "./ports";

const counts = ["medical", "pets", "welfareSpace"] as const;
const validSupply = new Set<SupplyNeed>([
  SupplyNeed.SUPPLY_NEED_UNSPECIFIED,
  SupplyNeed.SUPPLY_NEED_ENOUGH,
  SupplyNeed.SUPPLY_NEED_SHORT,
  SupplyNeed.SUPPLY_NEED_OUT,
]);
const wholeUpTo = (n: number, max: number) => Number.isInteger(n) && n >= 0 && n <= max;

function checkNeeds(needs: OccupancyNeeds | undefined): OccupancyNeeds {
  const n = OccupancyNeeds.fromPartial(needs ?? {});
  for (const s of supplies) if (!validSupply.has(n[s])) throw errors.needInvalid(s);
  for (const c of counts) if (!wholeUpTo(n[c], 100_000)) throw errors.needInvalid(c);
  return n;
}

/**
 * Records a headcount and needs of an open shelter: OccupancyReported carries the level it led to;
 * SuppliesExhausted follows when a supply ran out since the shelter's report before, SuppliesRestored
 * when one that had run out is there again; when the level
 * moved (after hysteresis) CrowdingChanged follows, naming the nearest shelters with room.
 */
export function reportOccupancy(deps: CrowdingDeps, req: ReportOccupancyRequest, correlationId: string): Promise<ReportOccupancyResponse> {
  return deps.exclusive(async () => {
    const record = deps.board.record(req.facilityId);
    if (!record) throw errors.facilityNotFound(req.facilityId);
    const f = record.facility;
    if (!f.canShelter) throw errors.cannotShelter(req.facilityId);
    if (!wholeUpTo(req.headcount, 100_000)) throw errors.headcountInvalid();
    const needs = checkNeeds(req.needs);
    const now = deps.clock.now();
    if (deps.board.conditionAt(f.id, now.getTime()).shelter !== ShelterOperation.SHELTER_OPERATION_OPEN)
      throw errors.shelterNotOpen(req.facilityId);
    const previous = deps.occupancy.levelOf(f.id);
    const neededBefore = deps.occupancy.view(f.id, now.getTime())?.latest?.needs;
    const level = crowdingLevel(req.headcount, f.capacity, previous, deps.settings.thresholds);
    const report = OccupancyReported.fromPartial({
      eventId: deps.newId(),
      facilityId: f.id,
      facilityName: f.name,
      ward: f.ward,
      headcount: req.headcount,
      capacity: f.capacity,
      needs,
      reportedBy: req.author,
      reportedAt: now.toISOString(),
      level,
      previousLevel: previous,
    });
    await deps.events.publish(eventTypes.occupancyReported, report, { eventId: report.eventId, correlationId });
    deps.occupancy.apply(report);
    // Its own event id: the report it repeats is stored under the report's.
    if (newlyOut(neededBefore, needs).length)
      await deps.events.publish(eventTypes.suppliesExhausted, report, { eventId: `${report.eventId}.exhausted`, correlationId });
    if (backAgain(neededBefore, needs).length)
      await deps.events.publish(eventTypes.suppliesRestored, report, { eventId: `${report.eventId}.restored`, correlationId });
    const changed =
      level === previous
        ? undefined
        : await announceCrowding(deps, f.id, previous, level, req.headcount, now, report.eventId, correlationId);
    return { shelter: deps.occupancy.view(f.id, now.getTime()), changed };
  });
}

/**
 * A capacity change (a facility_admin's correction) re-rates the shelter's latest report at once:
 * when the level moves, CrowdingChanged follows as after a report, caused by the correction.
 * Runs inside the caller's write turn (deps.exclusive is not taken again).
 */
export async function rerateShelter(
  deps: CrowdingDeps,
  facilityId: string,
  before: CrowdingLevel,
  causeEventId: string,
  correlationId: string,
): Promise<CrowdingChanged | undefined> {
  const now = deps.clock.now();
  if (deps.board.conditionAt(facilityId, now.getTime()).shelter !== ShelterOperation.SHELTER_OPERATION_OPEN) return undefined;
  const rerated = deps.occupancy.rerate(facilityId, before);
  if (!rerated || rerated.level === before) return undefined;
  return announceCrowding(deps, facilityId, before, rerated.level, rerated.headcount, now, causeEventId, correlationId);
}

async function announceCrowding(
  deps: CrowdingDeps,
  facilityId: string,
  previous: CrowdingLevel,
  level: CrowdingLevel,
  headcount: number,
  now: Date,
  causeEventId: string,
  correlationId: string,
): Promise<CrowdingChanged> {
  const f = deps.board.record(facilityId)!.facility;
  const changed = CrowdingChanged.fromPartial({
    eventId: `${causeEventId}.crowding`,
    facilityId: f.id,
    facilityName: f.name,
    ward: f.ward,
    previousLevel: previous,
    level,
    headcount,
    capacity: f.capacity,
    changedAt: now.toISOString(),
    latitude: f.latitude,
    longitude: f.longitude,
    nearestWithRoom: deps.occupancy.nearestWithRoom(f.latitude, f.longitude, now.getTime(), deps.nearestCount, f.id),
    causeEventId,
  });
  await deps.events.publish(eventTypes.crowdingChanged, changed, { eventId: changed.eventId, correlationId });
  return changed;
}
