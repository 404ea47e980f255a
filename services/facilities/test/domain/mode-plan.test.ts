import { FacilityStatus, FacilityUse, Mode, ServiceLevel, ShelterOperation } from "@crisis/platform/contracts";
import { FacilityDecision } from "@crisis/platform/contracts/facilities";
import { CityBoard } from "../../src/domain/city-board";
import { commitPlan, planMode } from "../../src/domain/mode-plan";
import { playbookFor } from "../../src/domain/playbook";
import { mode, newBoard, playbooks, registry } from "../city";

/** Applies a declaration to the board as the service does, without NATS. */
function declare(board: CityBoard, m: Mode, eventId: string, at = "2026-07-28T07:40:00Z") {
  const plan = planMode(board, playbookFor(playbooks, m), m, eventId, new Date(at));
  for (const s of plan.facilities) if (s.change) board.announce(s.change);
  for (const s of plan.services) if (s.change) board.announceLevel(s.change);
  commitPlan(board, plan, m, eventId);
  return {
    plan,
    changes: plan.facilities.flatMap((s) => (s.change ? [s.change] : [])),
    serviceChanges: plan.services.flatMap((s) => (s.change ? [s.change] : [])),
  };
}

const designated = registry.filter((f) => f.designatedShelter);
const designatedSchools = designated.filter((f) => f.category === "school");
const shelterId = designated.find((f) => f.ward === "中央区" && f.category === "school")!.id;
const t = Date.parse("2026-07-29T00:00:00Z");

describe("a declaration's plan on the real Kumamoto registry", () => {
  it("an earthquake emergency opens the 208 designated shelters, closes the 5 libraries and closes schools for classes while they shelter", () => {
    const board = newBoard();
    const { changes } = declare(board, mode("earthquake", "emergency"), "m1");
    const byStatus = (s: FacilityStatus) => changes.filter((c) => c.status === s).length;
    expect(byStatus(FacilityStatus.FACILITY_STATUS_SHELTER_OPEN)).toBe(208);
    expect(byStatus(FacilityStatus.FACILITY_STATUS_CLOSED)).toBe(5);
    expect(changes).toHaveLength(213);
    const school = board.conditionAt(designatedSchools[0].id, t);
    expect(school).toMatchObject({
      use: FacilityUse.FACILITY_USE_CLOSED,
      shelter: ShelterOperation.SHELTER_OPERATION_OPEN,
      status: FacilityStatus.FACILITY_STATUS_SHELTER_OPEN,
    });
    expect(school.reasons).toEqual(["避難所開設（地震）", "臨時休校（地震）"]);
  });

  it("opens the special consultation counters and り災証明書 online in an earthquake emergency", () => {
    const board = newBoard();
    const { serviceChanges } = declare(board, mode("earthquake", "emergency"), "m1");
    const level = (id: string, channel: string) => board.levelAt(id, channel, t).level;
    expect(level("special_consultation", "counter")).toBe(ServiceLevel.SERVICE_LEVEL_EXTENDED);
    expect(level("special_consultation", "phone")).toBe(ServiceLevel.SERVICE_LEVEL_EXTENDED);
    expect(level("risai_home", "online")).toBe(ServiceLevel.SERVICE_LEVEL_EXTENDED);
    expect(level("juminhyo", "counter")).toBe(ServiceLevel.SERVICE_LEVEL_REDUCED);
    expect(level("juminhyo", "convenience_store")).toBe(ServiceLevel.SERVICE_LEVEL_NORMAL);
    expect(serviceChanges.map((c) => c.eventId)).toContain("m1.risai_home.online");
  });

  it("declaring the same mode again changes nothing", () => {
    const board = newBoard();
    declare(board, mode("earthquake", "emergency"), "m1");
    const again = declare(board, mode("earthquake", "emergency"), "m2");
    expect(again.changes).toEqual([]);
    expect(again.serviceChanges).toEqual([]);
  });

  it("escalating from alert to emergency applies only what differs: no shelter is opened twice", () => {
    const board = newBoard();
    const alert = declare(board, mode("earthquake", "alert"), "m1");
    expect(alert.changes.filter((c) => c.shelter === ShelterOperation.SHELTER_OPERATION_OPEN)).toHaveLength(208);
    const emergency = declare(board, mode("earthquake", "emergency"), "m2");
    expect(emergency.changes.filter((c) => c.previousShelter !== c.shelter)).toEqual([]);
    expect(emergency.changes).toHaveLength(5 + designatedSchools.length);
  });

  it("a shelter staff closed stays closed through an escalation and a stand-down, and the plan lists it as kept", () => {
    const board = newBoard();
    declare(board, mode("earthquake", "alert"), "m1");
    const decision = FacilityDecision.fromPartial({
      eventId: "d1",
      facilityId: shelterId,
      decidedAt: "2026-07-28T09:00:00Z",
      decidedBy: "staff-7",
      reason: "天井材の落下",
      shelter: ShelterOperation.SHELTER_OPERATION_CLOSED,
    });
    board.recordDecision(decision, 1, `facility:${shelterId}`);
    const escalation = declare(board, mode("earthquake", "emergency"), "m2");
    expect(board.conditionAt(shelterId, t).shelter).toBe(ShelterOperation.SHELTER_OPERATION_CLOSED);
    expect(escalation.plan.kept).toContainEqual(
      expect.objectContaining({ facilityId: shelterId, what: "shelter closed", decidedBy: "staff-7", reason: "天井材の落下" }),
    );
    const standDown = declare(board, mode("earthquake", "normal"), "m3");
    expect(board.conditionAt(shelterId, t).shelter).toBe(ShelterOperation.SHELTER_OPERATION_CLOSED);
    expect(standDown.changes.filter((c) => c.previousShelter === ShelterOperation.SHELTER_OPERATION_OPEN)).toHaveLength(207);
    expect(standDown.plan.kept.map((k) => k.facilityId)).toEqual([shelterId]);
  });

  it("standing down closes what the playbook opened and returns libraries to ordinary use", () => {
    const board = newBoard();
    declare(board, mode("earthquake", "emergency"), "m1");
    declare(board, mode("earthquake", "normal"), "m2");
    const later = Date.parse("2026-08-20T00:00:00Z");
    expect(board.conditionAt(shelterId, later)).toMatchObject({
      use: FacilityUse.FACILITY_USE_OPEN,
      shelter: ShelterOperation.SHELTER_OPERATION_CLOSED,
      status: FacilityStatus.FACILITY_STATUS_NORMAL,
    });
    expect(board.conditionAt("lib:JP-1003025", later).use).toBe(FacilityUse.FACILITY_USE_OPEN);
    expect(board.levelAt("special_consultation", "counter", later).level).toBe(ServiceLevel.SERVICE_LEVEL_NORMAL);
    const library = board.record("lib:JP-1003025")!;
    expect(library.restrictions).toHaveLength(1);
    expect(library.restrictions[0].endedAt).toBe("2026-07-28T07:40:00.000Z");
  });

  it("a declaration for one ward opens only that ward's shelters", () => {
    const board = newBoard();
    const { changes } = declare(board, mode("flood", "alert", ["北区"]), "m1");
    expect(changes).toHaveLength(designated.filter((f) => f.ward === "北区").length);
    expect(new Set(changes.map((c) => c.ward))).toEqual(new Set(["北区"]));
  });

  it("a pandemic emergency reproduces 2020: no shelter, counters by reservation with shorter hours, capacity limits, libraries lending only", () => {
    const board = newBoard();
    const { changes } = declare(board, mode("pandemic", "emergency"), "m1");
    expect(changes.some((c) => c.shelter === ShelterOperation.SHELTER_OPERATION_OPEN)).toBe(false);
    const office = registry.find((f) => f.name === "東区役所")!;
    expect(board.conditionAt(office.id, t)).toMatchObject({
      use: FacilityUse.FACILITY_USE_RESERVATION_ONLY,
      reasons: ["窓口は予約制（感染症）", "窓口時間の短縮（感染症）"],
    });
    expect(board.record(office.id)!.restrictions.find((r) => r.kind === FacilityUse.FACILITY_USE_REDUCED_HOURS)?.hours).toBe(
      "月火水木金 09:00-16:00",
    );
    const library = board.record("lib:JP-1003025")!;
    expect(board.conditionAt(library.facility.id, t).use).toBe(FacilityUse.FACILITY_USE_PARTLY_CLOSED);
    expect(library.restrictions[0].parts).toEqual(["閲覧席", "学習室"]);
    expect(board.conditionAt(registry.find((f) => f.name === "熊本城ホール")!.id, t).use).toBe(FacilityUse.FACILITY_USE_CAPACITY_LIMITED);
    expect(board.levelAt("juminhyo", "counter", t).level).toBe(ServiceLevel.SERVICE_LEVEL_REDUCED);
  });

  it("re-running a declaration after a crash part-way publishes nothing twice yet reports the whole batch", () => {
    const board = newBoard();
    const m = mode("earthquake", "emergency");
    const first = planMode(board, playbookFor(playbooks, m), m, "m1", new Date("2026-07-28T07:40:00Z"));
    const published = first.facilities.filter((s) => s.change).slice(0, 50);
    for (const s of published) board.announce(s.change!);
    const rerun = planMode(board, playbookFor(playbooks, m), m, "m1", new Date("2026-07-28T07:40:00Z"));
    expect(rerun.facilities.filter((s) => s.change)).toHaveLength(213 - 50);
    expect(rerun.facilities.filter((s) => s.announcedBefore)).toHaveLength(50);
    expect(rerun.facilities.find((s) => s.change)!.change!.eventId).toBe(
      `m1.${rerun.facilities.find((s) => s.change)!.change!.facilityId}`,
    );
  });
});

describe("the reason a change gives", () => {
  it("says a stood-down shelter was closed, not why it had opened", () => {
    const board = newBoard();
    declare(board, mode("earthquake", "alert"), "m1");
    const { changes } = declare(board, mode("earthquake", "normal"), "m2");
    const closing = changes.find((c) => c.facilityId === shelterId)!;
    expect(closing.shelter).toBe(ShelterOperation.SHELTER_OPERATION_CLOSED);
    expect(closing.reason).toBe("避難所閉鎖（地震 通常体制）");
  });
});
