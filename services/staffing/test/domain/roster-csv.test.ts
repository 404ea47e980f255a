import { importRoster } from "../../src/domain";

const HEADER = "id,name,department,ward,skills,can_work_nights,max_hours,unavailable";

describe("importing a city's roster from CSV", () => {
  it("reads skills, night clearance, hour limits and unavailability", () => {
    const csv = [HEADER, 'A001,"熊本 花子",hoken,東区,保健師;通訳:英語,yes,24,2026-07-29T08:00+09:00/2026-07-30T08:00+09:00'].join("\n");
    const { staff, problems } = importRoster(csv);
    expect(problems).toEqual([]);
    expect(staff).toEqual([
      {
        id: "A001",
        name: "熊本 花子",
        department: "hoken",
        ward: "東区",
        skills: ["保健師", "通訳:英語"],
        canWorkNights: true,
        maxHours: 24,
        unavailable: [{ start: new Date("2026-07-28T23:00:00Z"), end: new Date("2026-07-29T23:00:00Z") }],
      },
    ]);
  });

  it("reports each bad row by its line number and keeps the good ones", () => {
    const csv = [
      HEADER,
      "A001,花子,hoken,東区,,no,,",
      "A002,太郎,hoken,博多区,,no,,",
      "A001,次郎,hoken,西区,,maybe,-3,",
      "A004,四郎,unknown,北区,,no,,2026-07-30/2026-07-29",
    ].join("\r\n");
    const { staff, problems } = importRoster(csv, new Set(["hoken"]));
    expect(staff.map((s) => s.id)).toEqual(["A001"]);
    expect(problems.map((p) => [p.line, p.message.split(":")[1]!.trim().split(" ")[0]])).toEqual([
      [3, "ward"],
      [4, "id"],
      [4, "can_work_nights"],
      [4, "max_hours"],
      [5, "department"],
      [5, "unavailable"],
    ]);
    expect(problems.every((p) => p.code === "ROSTER_ROW_INVALID")).toBe(true);
  });

  it("names a missing column instead of guessing", () => {
    const { problems } = importRoster("id,name\nA1,花子");
    expect(problems[0]).toMatchObject({ line: 1, code: "ROSTER_COLUMN_MISSING" });
  });
});
