import { Clock } from "@crisis/platform/ports";
import { Mode } from "@crisis/platform/contracts";
import { ModePreview } from "@crisis/platform/contracts/facilities";
import { CityBoard } from "../domain/city-board";
import { planMode } from "../domain/mode-plan";
import { Playbook, playbookFor } from "../domain/playbook";

const count = (keys: string[]) => keys.reduce<Record<string, number>>((acc, k) => ({ ...acc, [k]: (acc[k] ?? 0) + 1 }), {});

/** The exact difference a declaration would make, computed by the rule that applies it, changing nothing. */
export function previewMode(board: CityBoard, playbooks: Playbook[], mode: Mode, clock: Clock): ModePreview {
  const plan = planMode(board, playbookFor(playbooks, mode), mode, "preview", clock.now());
  const changes = plan.facilities.flatMap((s) => (s.change ? [s.change] : []));
  return {
    facilities: changes.map((c) => ({
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
    services: plan.services.flatMap((s) =>
      s.change
        ? [
            {
              serviceId: s.serviceId,
              serviceName: s.serviceName,
              channel: s.channel,
              levelBefore: s.before,
              levelAfter: s.after,
              reason: s.change.reason,
            },
          ]
        : [],
    ),
    kept: plan.kept,
    changesByWard: count(changes.map((c) => c.ward)),
    changesByCategory: count(changes.map((c) => c.category)),
  };
}
