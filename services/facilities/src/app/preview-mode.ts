import { Clock } from "@crisis/platform";
import { Mode } from "@crisis/platform/contracts";
import { ModePreview } from "@crisis/platform/contracts/facilities";
import { FacilityBoard } from "../domain/facility-board";
import { planStatusChanges } from "../domain/status-changes";

const count = (keys: string[]) => keys.reduce<Record<string, number>>((acc, k) => ({ ...acc, [k]: (acc[k] ?? 0) + 1 }), {});

/** The difference a declaration would make, computed by the same rule that applies it, changing nothing. */
export function previewMode(board: FacilityBoard, mode: Mode, clock: Clock): ModePreview {
  const plan = planStatusChanges(board.facilities, board.stateOf, mode, "preview", clock.now());
  return {
    facilities: plan.toPublish.map((c) => ({
      facilityId: c.facilityId,
      facilityName: c.facilityName,
      category: c.category,
      ward: c.ward,
      useBefore: c.previousUse,
      useAfter: c.use,
      shelterBefore: c.previousShelter,
      shelterAfter: c.shelter,
      reason: c.reason,
    })),
    services: [],
    kept: [],
    changesByWard: count(plan.toPublish.map((c) => c.ward)),
    changesByCategory: count(plan.toPublish.map((c) => c.category)),
  };
}
