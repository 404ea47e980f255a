import { crowdingName } from "@crisis/platform/contracts";
import { OccupancyNeeds, SupplyNeed } from "@crisis/platform/contracts/crowding";
import { shelterCrowdingView } from "../domain/crowding-view";
import { errors } from "../../../domain/errors";
import { StaffOnPost, ShelterCrowdingService } from "../../../app/ports";

export interface OccupancyReport {
  headcount: number;
  needs: { water?: SupplyNeed; food?: SupplyNeed; blankets?: SupplyNeed; medical?: number; pets?: number; welfareSpace?: number };
}

/**
 * A headcount and needs from the shelter itself: a manager, or staff whose post is at that
 * shelter now; anyone else is refused (403) before anything is stored.
 */
export async function reportOccupancy(
  deps: { crowding: ShelterCrowdingService; onDuty: StaffOnPost; now: () => Date },
  who: { subject: string; manager: boolean },
  facilityId: string,
  report: OccupancyReport,
  correlationId: string,
) {
  if (!who.manager && !deps.onDuty.isOnPostAt(who.subject, facilityId, deps.now())) throw errors.notOnPost(facilityId);
  const res = await deps.crowding.report(
    {
      facilityId,
      headcount: report.headcount,
      needs: OccupancyNeeds.fromPartial(report.needs),
      author: who.subject,
    },
    correlationId,
  );
  const changed = res.changed && { from: crowdingName(res.changed.previousLevel), to: crowdingName(res.changed.level) };
  return { shelter: shelterCrowdingView(res.shelter!), changed: changed ?? null };
}
