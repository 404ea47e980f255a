import { ShelterOperation } from "@crisis/platform/contracts/common";
import { OccupancyNeeds, OccupancyReported, SupplyNeed } from "@crisis/platform/contracts/crowding";
import { FacilityStatusChanged } from "@crisis/platform/contracts/events";
import { IncidentLedger } from "../../../../src/areas/records/domain/incident-report";
import { scriptedDirectory, scriptedIncident } from "../../../support/scripted-incident";

describe("incident report", () => {
  const ledger = new IncidentLedger(scriptedDirectory);
  scriptedIncident.forEach((e) => ledger.add(e));
  const report = ledger.report("2026-07-28T00:00:00Z", "2026-07-28T06:00:00Z");
  /** The 10:00–12:00 timeline of a ledger holding only one supplies report from 白川小学校 (f9, 北区). */
  const suppliesTimeline = (
    kind: "suppliesExhausted" | "suppliesRestored",
    needs: Partial<OccupancyNeeds>,
    reportedBy: string,
    reportedAt: string,
  ) => {
    const supplies = new IncidentLedger();
    supplies.add({
      kind,
      event: OccupancyReported.fromPartial({ facilityId: "f9", facilityName: "白川小学校", ward: "北区", needs, reportedBy, reportedAt }),
    });
    return supplies.report("2026-07-28T10:00:00Z", "2026-07-28T12:00:00Z").timeline;
  };

  it("lists every decision with who, when, why and the approver (not subscriptions, not requests waiting for approval)", () => {
    expect(report.timeline).toEqual([
      { at: "2026-07-28T00:05:00Z", kind: "mode.approved", who: "tanaka", why: "大雨", approver: "sato", what: "" },
      { at: "2026-07-28T00:25:00Z", kind: "POST /api/v1/staffing/plans/:id/apply", who: "tanaka", why: "", approver: "", what: "" },
      { at: "2026-07-28T05:30:00Z", kind: "mode.declared", who: "tanaka", why: "解除", approver: "", what: "" },
    ]);
  });

  it("puts a shelter's supplies running out on the timeline, with what ran out", () => {
    const needs = { water: SupplyNeed.SUPPLY_NEED_OUT, food: SupplyNeed.SUPPLY_NEED_SHORT, blankets: SupplyNeed.SUPPLY_NEED_OUT };
    expect(suppliesTimeline("suppliesExhausted", needs, "staff-1", "2026-07-28T10:10:00Z")).toEqual([
      {
        at: "2026-07-28T10:10:00Z",
        kind: "shelter.supplies.exhausted",
        who: "staff-1",
        why: "",
        approver: "",
        what: JSON.stringify({ facilityId: "f9", name: "白川小学校", ward: "北区", out: ["water", "blankets"] }),
      },
    ]);
  });

  it("puts a shelter's supplies coming back on the timeline, with what is still out", () => {
    const needs = { water: SupplyNeed.SUPPLY_NEED_ENOUGH, food: SupplyNeed.SUPPLY_NEED_SHORT, blankets: SupplyNeed.SUPPLY_NEED_OUT };
    expect(suppliesTimeline("suppliesRestored", needs, "staff-2", "2026-07-28T11:40:00Z")).toEqual([
      {
        at: "2026-07-28T11:40:00Z",
        kind: "shelter.supplies.restored",
        who: "staff-2",
        why: "",
        approver: "",
        what: JSON.stringify({ facilityId: "f9", name: "白川小学校", ward: "北区", stillOut: ["blankets"] }),
      },
    ]);
  });

  it("counts shelters open per ward per Kumamoto day and evacuees per ward per hour", () => {
    expect(report.shelters.openPerWardPerDay).toEqual([
      { day: "2026-07-28", ward: "中央区", open: 1 },
      { day: "2026-07-28", ward: "西区", open: 1 },
    ]);
    const hour = (h: number) => `2026-07-28T0${h}:00:00.000Z`;
    expect(report.shelters.evacueesPerWardPerHour).toEqual([
      { hour: hour(0), ward: "西区", shelters: 1, evacuees: 40 },
      ...[1, 2, 3, 4, 5].flatMap((h) => [
        { hour: hour(h), ward: "中央区", shelters: 1, evacuees: 10 },
        { hour: hour(h), ward: "西区", shelters: 1, evacuees: 60 },
      ]),
    ]);
  });

  it("stops counting a shelter once it is closed", () => {
    const later = ledger.report("2026-07-29T00:00:00Z", "2026-07-30T00:00:00Z");
    expect(later.shelters.openPerWardPerDay).toEqual([
      { day: "2026-07-29", ward: "中央区", open: 1 },
      { day: "2026-07-29", ward: "西区", open: 1 },
      { day: "2026-07-30", ward: "中央区", open: 1 },
    ]);
    expect(later.shelters.evacueesPerWardPerHour.filter((r) => r.hour === "2026-07-29T01:00:00.000Z")).toEqual([
      { hour: "2026-07-29T01:00:00.000Z", ward: "中央区", shelters: 1, evacuees: 10 },
    ]);
  });

  it("counts the evacuees of a shelter closed within the hour in that hour", () => {
    const short = new IncidentLedger();
    const shelter = (open: boolean, changedAt: string) =>
      short.add({
        kind: "facility",
        event: FacilityStatusChanged.fromPartial({
          eventId: changedAt,
          facilityId: "f9",
          ward: "北区",
          shelter: open ? ShelterOperation.SHELTER_OPERATION_OPEN : ShelterOperation.SHELTER_OPERATION_CLOSED,
          changedAt,
        }),
      });
    shelter(true, "2026-07-28T10:00:00Z");
    short.add({
      kind: "occupancy",
      event: OccupancyReported.fromPartial({ facilityId: "f9", ward: "北区", headcount: 37, reportedAt: "2026-07-28T10:10:00Z" }),
    });
    shelter(false, "2026-07-28T10:20:00Z");
    expect(short.report("2026-07-28T10:00:00Z", "2026-07-28T12:00:00Z").shelters.evacueesPerWardPerHour).toEqual([
      { hour: "2026-07-28T10:00:00.000Z", ward: "北区", shelters: 1, evacuees: 37 },
    ]);
  });

  it("measures each alert from the decision to the first and the 99th percentile accepted push", () => {
    expect(report.alerts).toEqual([
      {
        alertId: "a1",
        title: "Heavy rain",
        decidedAt: "2026-07-28T00:00:00Z",
        issuedAt: "2026-07-28T00:01:00Z",
        messages: 200,
        reached: 198,
        failed: 12,
        deliveryRate: 0.99,
        firstPushSeconds: 90,
        p99PushSeconds: 180,
      },
    ]);
  });

  it("counts staff reassigned per department and skill, answers, hours served and floors kept", () => {
    expect(report.staff).toEqual({
      reassigned: [
        { department: "health", skill: "保健師", people: 1 },
        { department: "tax", skill: "", people: 1 },
        { department: "welfare", skill: "clerk", people: 1 },
      ],
      notices: 3,
      acknowledged: 2,
      declined: 1,
      ackRate: 0.6667,
      medianAnswerSeconds: 1200,
      hoursServed: [
        { department: "health", hours: 4 },
        { department: "tax", hours: 2.5 },
      ],
      floorsKept: [{ department: "health", skill: "保健師", broughtBack: 1 }],
    });
  });

  it("gives counters' levels over time and waiting per counter", () => {
    expect(report.counters).toEqual({
      levels: [{ at: "2026-07-28T00:15:00Z", serviceId: "c1", serviceName: "住民票", level: "online_only" }],
      waiting: [{ serviceId: "c1", serviceName: "住民票", reports: 3, latest: 20, max: 30, mean: 20 }],
    });
  });

  it("clips hours served to the range asked for", () => {
    expect(ledger.report("2026-07-28T02:00:00Z", "2026-07-28T04:00:00Z").staff.hoursServed).toEqual([
      { department: "health", hours: 2 },
      { department: "tax", hours: 1 },
    ]);
  });
});
