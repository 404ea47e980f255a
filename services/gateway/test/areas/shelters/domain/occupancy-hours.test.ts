import { OccupancyReported } from "@crisis/platform/contracts/crowding";
import { wardHoursCsv } from "../../../../src/areas/shelters/domain/crowding-view";
import { wardHours } from "../../../../src/areas/shelters/domain/occupancy-hours";

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
    expect(wardHours(reports, Date.parse("2026-07-28T09:15:00Z"), [], 1).map((r) => r.hour)).toEqual([
      "2026-07-28T09:00:00.000Z",
      "2026-07-28T09:00:00.000Z",
    ]);
    expect(wardHours([], Date.parse("2026-07-28T09:15:00Z"))).toEqual([]);
  });

  it("stops counting a shelter from the hour it closed, and counts it again once it reports after reopening", () => {
    const closings = [{ facilityId: "c", ward: "中央区", closedAt: "2026-07-28T08:30:00Z" }];
    const now = Date.parse("2026-07-28T10:15:00Z");
    const central = (rs: OccupancyReported[]) => wardHours(rs, now, closings).filter((r) => r.ward === "中央区");
    // c reported at 08:20 and closed at 08:30: by the end of 08:00 it no longer counts, nor after.
    expect(central(reports)).toEqual([]);
    expect(wardHours(reports, now, closings).filter((r) => r.ward === "西区")).toHaveLength(4);
    const reopened = [...reports, report("c", "中央区", 12, "2026-07-28T09:45:00Z", 50)];
    expect(central(reopened)).toEqual([
      { hour: "2026-07-28T09:00:00.000Z", ward: "中央区", shelters: 1, headcount: 12, capacityKnown: 50 },
      { hour: "2026-07-28T10:00:00.000Z", ward: "中央区", shelters: 1, headcount: 12, capacityKnown: 50 },
    ]);
  });

  it("writes the hours as CSV for a spreadsheet, in the city's time", () => {
    const csv = wardHoursCsv(wardHours(reports.slice(0, 2), Date.parse("2026-07-28T07:59:00Z")));
    expect(csv).toBe("\ufeffhour,ward,shelters,headcount,capacityKnown\r\n2026-07-28T16:00:00+09:00,西区,2,70,100\r\n");
  });
});
