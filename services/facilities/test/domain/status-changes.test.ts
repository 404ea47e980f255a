import { FacilityStatus, Incident, Mode, ModeLevel } from "@crisis/platform/contracts";
import { FacilityBoard } from "../../src/domain/facility-board";
import { Facility } from "../../src/domain/facility";
import { planStatusChanges } from "../../src/domain/status-changes";

const facility = (id: string, ward: Facility["ward"], designatedShelter: boolean): Facility => ({
  id,
  name: id,
  category: designatedShelter ? "school" : "library",
  ward,
  address: "",
  latitude: 0,
  longitude: 0,
  designatedShelter,
  canShelter: designatedShelter,
  ids: {},
});
const quake: Mode = {
  incident: Incident.INCIDENT_EARTHQUAKE,
  level: ModeLevel.MODE_LEVEL_EMERGENCY,
  wards: [],
  reason: "M7.1",
  declaredBy: "m",
  declaredAt: "",
};
const now = new Date("2026-07-28T07:40:00Z");

describe("planning status changes for a declaration", () => {
  const facilities = [facility("a", "中央区", true), facility("b", "北区", true), facility("lib", "西区", false)];

  it("emits one change per facility whose status really changes, with a deterministic event id", () => {
    const board = new FacilityBoard(facilities);
    const plan = planStatusChanges(facilities, board.stateOf, quake, "m1", now);
    expect(plan.toPublish.map((c) => [c.eventId, c.status])).toEqual([
      ["m1.a", FacilityStatus.FACILITY_STATUS_SHELTER_OPEN],
      ["m1.b", FacilityStatus.FACILITY_STATUS_SHELTER_OPEN],
      ["m1.lib", FacilityStatus.FACILITY_STATUS_CLOSED],
    ]);
  });

  it("emits nothing for a facility already in the desired status", () => {
    const board = new FacilityBoard(facilities);
    for (const c of planStatusChanges(facilities, board.stateOf, quake, "m1", now).toPublish) board.apply(c);
    const again = planStatusChanges(facilities, board.stateOf, { ...quake, reason: "re-declared" }, "m2", now);
    expect(again.all).toEqual([]);
  });

  it("after a crash part-way, republishes nothing already published yet still reports the whole batch", () => {
    const board = new FacilityBoard(facilities);
    const first = planStatusChanges(facilities, board.stateOf, quake, "m1", now);
    board.apply(first.toPublish[0]);
    const rerun = planStatusChanges(facilities, board.stateOf, quake, "m1", now);
    expect(rerun.toPublish.map((c) => c.facilityId)).toEqual(["b", "lib"]);
    expect(rerun.all.map((c) => c.facilityId)).toEqual(["a", "b", "lib"]);
  });
});
