import { FacilityUse, ServiceLevel, ShelterOperation } from "@crisis/platform/contracts";
import { FacilityDecision } from "@crisis/platform/contracts/facilities";
import { previewMode } from "../../src/app/preview-mode";
import { commitPlan, planMode } from "../../src/domain/mode-plan";
import { playbookFor } from "../../src/domain/playbook";
import { clockAt, mode, newBoard, playbooks, registry } from "../city";

const clock = clockAt("2026-07-28T07:40:00Z");

describe("previewing a declaration", () => {
  it("shows exactly the changes applying it makes, by ward and category, and changes nothing", () => {
    const board = newBoard();
    const m = mode("earthquake", "emergency");
    const preview = previewMode(board, playbooks, m, clock);
    expect(board.conditionAt("lib:JP-1003025", clock.now().getTime()).use).toBe(FacilityUse.FACILITY_USE_OPEN);
    expect(board.current).toBeUndefined();
    const plan = planMode(board, playbookFor(playbooks, m), m, "m1", clock.now());
    const applied = plan.facilities.flatMap((s) => (s.change ? [[s.change.facilityId, s.change.use, s.change.shelter]] : []));
    expect(preview.facilities.map((f) => [f.facilityId, f.useAfter, f.shelterAfter])).toEqual(applied);
    expect(preview.changesByWard).toEqual({ 中央区: 48 + 1, 東区: 41, 西区: 34 + 1, 南区: 43 + 2, 北区: 42 + 1 });
    expect(preview.changesByCategory.library).toBe(5);
    expect(preview.services).toContainEqual(
      expect.objectContaining({
        serviceId: "risai_home",
        channel: "online",
        levelBefore: ServiceLevel.SERVICE_LEVEL_NORMAL,
        levelAfter: ServiceLevel.SERVICE_LEVEL_EXTENDED,
      }),
    );
  });

  it("shows only what an escalation adds, nothing for the same mode again, and the manual decisions a stand-down keeps", () => {
    const board = newBoard();
    const alert = mode("earthquake", "alert");
    commitAndAnnounce(board, alert, "m1");
    const escalation = previewMode(board, playbooks, mode("earthquake", "emergency"), clock);
    expect(escalation.facilities.every((f) => f.shelterBefore === f.shelterAfter)).toBe(true);
    expect(previewMode(board, playbooks, alert, clock).facilities).toEqual([]);
    const shelter = registry.find((f) => f.designatedShelter)!;
    board.recordDecision(
      FacilityDecision.fromPartial({
        eventId: "d1",
        facilityId: shelter.id,
        decidedAt: "2026-07-28T08:00:00Z",
        decidedBy: "staff-1",
        reason: "開設継続",
        shelter: ShelterOperation.SHELTER_OPERATION_OPEN,
      }),
      1,
      `facility:${shelter.id}`,
    );
    const standDown = previewMode(board, playbooks, mode("earthquake", "normal"), clock);
    expect(standDown.facilities).toHaveLength(207);
    expect(standDown.kept).toEqual([expect.objectContaining({ facilityId: shelter.id, what: "shelter open", decidedBy: "staff-1" })]);
  });
});

function commitAndAnnounce(board: ReturnType<typeof newBoard>, m: ReturnType<typeof mode>, id: string) {
  const plan = planMode(board, playbookFor(playbooks, m), m, id, clock.now());
  for (const s of plan.facilities) if (s.change) board.announce(s.change);
  commitPlan(board, plan, m, id);
}
