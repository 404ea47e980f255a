import { OccupancyReported } from "@crisis/platform/contracts/crowding";
import { wardHoursCsv } from "../../src/domain/crowding-view";
import { wardHours } from "../../src/domain/occupancy-hours";

const report = (facilityId: string, ward: string, headcount: number, reportedAt: string, capacity?: number) =>
  OccupancyReported.fromPartial({ facilityId, ward, headcount, reportedAt, capacity });

describe("occupancy per ward and hour", () => {
  const reports = [
    report("a", "西区", 40, "2026-07-28T07:10:00Z", 100),
    report("b", "西区", 30, "2026-07-28T07:50:00Z"),
    report("c", "中央区", 5, "2026-07-28T08:20:00Z", 50),
    report("a", "西区", 90, "2026-07-28T08:05:00Z", 100),
    report("a", "西区", 100, "2026-07-28T08:40:00Z", 100),
  ];

  it("counts each shelter with its latest report before the hour's end, carried on to the hour of now", () => {
    expect(wardHours(reports, Date.parse("2026-07-28T09:15:00Z"))).toEqual([
      { hour: "2026-07-28T07:00:00.000Z", ward: "西区", shelters: 2, headcount: 70, capacityKnown: 100 },
      { hour: "2026-07-28T08:00:00.000Z", ward: "中央区", shelters: 1, headcount: 5, capacityKnown: 50 },
      { hour: "2026-07-28T08:00:00.000Z", ward: "西区", shelters: 2, headcount: 130, capacityKnown: 100 },
      { hour: "2026-07-28T09:00:00.000Z", ward: "中央区", shelters: 1, headcount: 5, capacityKnown: 50 },
      { hour: "2026-07-28T09:00:00.000Z", ward: "西区", shelters: 2, headcount: 130, capacityKnown: 100 },
    ]);
  });

  it("keeps only the last hours asked for, and nothing without reports", () => {
    expect(wardHours(reports, Date.parse("2026-07-28T09:15:00Z"), 1).map((r) => r.hour)).toEqual([
      "2026-07-28T09:00:00.000Z",
      "2026-07-28T09:00:00.000Z",
    ]);
    expect(wardHours([], Date.parse("2026-07-28T09:15:00Z"))).toEqual([]);
  });

  it("writes the hours as CSV for a spreadsheet, in the city's time", () => {
    const csv = wardHoursCsv(wardHours(reports.slice(0, 2), Date.parse("2026-07-28T07:59:00Z")));
    expect(csv).toBe("\ufeffhour,ward,shelters,headcount,capacity_known\r\n2026-07-28T16:00:00+09:00,西区,2,70,100\r\n");
  });
});
