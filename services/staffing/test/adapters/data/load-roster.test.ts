import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importDepartments, importRoster, loadRoster } from "../../../src/adapters/data/load-roster";

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

  it("reads who cannot work from home from an optional column, yes when it is absent or empty", () => {
    const csv = [`${HEADER},can_work_from_home`, "A001,花子,hoken,東区,,no,,,no", "A002,太郎,hoken,東区,,no,,,", "A003,次郎,hoken,東区,,no,,,maybe"].join("\n");
    const { staff, problems } = importRoster(csv);
    expect(staff.map((s) => [s.id, s.canWorkFromHome])).toEqual([
      ["A001", false],
      ["A002", undefined],
    ]);
    expect(problems).toEqual([expect.objectContaining({ line: 4, field: "can_work_from_home" })]);
    expect(importRoster([HEADER, "A004,四郎,hoken,東区,,no,,"].join("\n")).staff[0]!.canWorkFromHome).toBeUndefined();
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

  it("reads a multi-line quoted cell and still reports the right line after it", () => {
    const csv = [HEADER, 'A001,"熊本\n花子",hoken,東区,,no,,', "A002,太郎,hoken,博多区,,no,,"].join("\n");
    const { staff, problems } = importRoster(csv);
    expect(staff.map((s) => s.name)).toEqual(["熊本\n花子"]);
    expect(problems.map((p) => [p.line, p.field])).toEqual([[4, "ward"]]);
  });
});

describe("importing the departments and their floors", () => {
  it("folds one row per level into floors keyed by the vocabulary's level names", () => {
    const csv = ["id,name,level,headcount,skill_floors", "hoken,保健センター,emergency,3,保健師=2", "hoken,保健センター,alert,5,"].join("\n");
    expect(importDepartments(csv)).toEqual({
      departments: [{ id: "hoken", name: "保健センター", floors: { emergency: { headcount: 3, skills: { 保健師: 2 } }, alert: { headcount: 5 } } }],
      problems: [],
    });
  });

  it("reports a level outside the vocabulary, a bad headcount and a bad skill floor by line", () => {
    const csv = ["id,name,level,headcount,skill_floors", "a,A課,非常体制,3,", "b,B課,emergency,-1,保健師=x"].join("\n");
    const { departments, problems } = importDepartments(csv);
    expect(departments).toEqual([]);
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [2, "level"],
      [3, "headcount"],
      [3, "skill_floors"],
    ]);
  });

  it("loads both files and skips staff of departments the departments file does not name", () => {
    const dir = mkdtempSync(join(tmpdir(), "roster-"));
    writeFileSync(join(dir, "departments.csv"), "id,name,level,headcount,skill_floors\nhoken,保健センター,emergency,1,\n");
    writeFileSync(join(dir, "roster.csv"), `${HEADER}\nA1,花子,hoken,東区,,yes,,\nA2,太郎,kaikei,東区,,yes,,\n`);
    const { roster, problems } = loadRoster(join(dir, "roster.csv"), join(dir, "departments.csv"));
    expect(roster.staff.map((s) => s.id)).toEqual(["A1"]);
    expect(problems).toEqual([expect.objectContaining({ line: 3, field: "department", file: join(dir, "roster.csv") })]);
  });
});
