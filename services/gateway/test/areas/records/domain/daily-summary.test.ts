import { dailySheet } from "../../../../src/areas/records/domain/daily-summary";
import { IncidentLedger } from "../../../../src/areas/records/domain/incident-report";
import { scriptedDirectory, scriptedIncident } from "../../../support/scripted-incident";

describe("the HQ meeting's daily figure sheet", () => {
  const ledger = new IncidentLedger(scriptedDirectory);
  scriptedIncident.forEach((e) => ledger.add(e));
  const later = new Date("2026-08-01T00:00:00Z");

  it("gives the day of the incident: shelters open, evacuees, staff deployed, answers, alerts, counters and decisions", () => {
    expect(dailySheet(ledger, "2026-07-28", later)).toEqual({
      date: "2026-07-28",
      from: "2026-07-27T15:00:00.000Z",
      asOf: "2026-07-28T15:00:00.000Z",
      wards: [
        { ward: "中央区", sheltersOpen: 1, evacuees: 10, peakEvacuees: 10 },
        { ward: "西区", sheltersOpen: 1, evacuees: 60, peakEvacuees: 60 },
      ],
      totals: { sheltersOpen: 2, evacuees: 70, peakEvacuees: 70, staffDeployed: 2, staffHours: 6.5 },
      staff: [
        { department: "health", people: 1, hours: 4 },
        { department: "tax", people: 1, hours: 2.5 },
      ],
      answers: { notices: 3, acknowledged: 2, declined: 1, ackRate: 0.6667, medianAnswerSeconds: 1200 },
      alerts: { alerts: 1, messages: 200, reached: 198, deliveryRate: 0.99 },
      decisions: [
        { at: "2026-07-28T00:05:00Z", kind: "mode.approved", who: "tanaka", why: "大雨", approver: "sato", what: "" },
        { at: "2026-07-28T00:25:00Z", kind: "POST /api/v1/staffing/plans/:id/apply", who: "tanaka", why: "", approver: "", what: "" },
        { at: "2026-07-28T05:30:00Z", kind: "mode.declared", who: "tanaka", why: "解除", approver: "", what: "" },
      ],
      counters: {
        levels: [{ at: "2026-07-28T00:15:00Z", serviceId: "c1", serviceName: "住民票", level: "online_only" }],
        waiting: [{ serviceId: "c1", serviceName: "住民票", reports: 3, latest: 20, max: 30, mean: 20 }],
      },
    });
  });

  it("counts a shelter closed during the day as open that day, with its evacuees until it closed but not at the day's end", () => {
    const sheet = dailySheet(ledger, "2026-07-29", later);
    expect(sheet.wards).toEqual([
      { ward: "中央区", sheltersOpen: 1, evacuees: 10, peakEvacuees: 10 },
      { ward: "西区", sheltersOpen: 1, evacuees: 0, peakEvacuees: 60 },
    ]);
    expect(sheet.totals).toEqual({ sheltersOpen: 2, evacuees: 10, peakEvacuees: 70, staffDeployed: 0, staffHours: 0 });
    expect(sheet.decisions).toEqual([]);
  });

  it("stops at now while the day runs", () => {
    const sheet = dailySheet(ledger, "2026-07-28", new Date("2026-07-28T01:15:00Z"));
    expect(sheet.asOf).toBe("2026-07-28T01:15:00.000Z");
    expect(sheet.totals).toEqual({ sheltersOpen: 2, evacuees: 60, peakEvacuees: 60, staffDeployed: 2, staffHours: 1 });
    expect(sheet.decisions.map((d) => d.kind)).toEqual(["mode.approved", "POST /api/v1/staffing/plans/:id/apply"]);
  });
});
