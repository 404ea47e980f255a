import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { FacilityUse } from "@crisis/platform/contracts";
import { AddRestrictionRequest } from "@crisis/platform/contracts/facilities";
import { CityBoard } from "../../src/domain/city-board";
import { decided } from "../../src/domain/city-board";
import { conditionAt } from "../../src/domain/condition";
import { manualRestriction } from "../../src/domain/decisions";
import { dataDir, newBoard, registry } from "../city";

type Row = Record<string, string>;
const rows: Row[] = parse(readFileSync(join(dataDir, "covid_era_facility_restrictions_kumamoto.csv"), "utf8"), { columns: true });
const row = (id: string) => rows.find((r) => r.record_id === id)!;
const jst = (date: string, time = "00:00") => `${date.slice(0, 10)}T${time}:00+09:00`;
const idOf = (name: string) => registry.find((f) => f.name === name)!.id;

/** Records one restriction on the board as staff would (same validation as the API). */
function restrict(board: CityBoard, facilityId: string, req: Partial<AddRestrictionRequest>, n: number) {
  const restriction = manualRestriction(
    AddRestrictionRequest.fromPartial({ facilityId, author: "covid-replay", ...req }),
    `r${n}`,
    new Date("2020-01-01T00:00:00Z"),
  );
  const record = board.record(facilityId)!;
  board.replaceRecord(
    decided(record, {
      eventId: `d${n}`,
      facilityId,
      decidedAt: restriction.startsAt,
      decidedBy: "covid-replay",
      reason: restriction.reason,
      restrictionAdded: restriction,
      restrictionEnded: "",
      shelter: 0,
    }),
  );
}

/**
 * Each dated row of covid_era_facility_restrictions_kumamoto.csv as restrictions on the real
 * facilities, then read back at dates inside and outside its window. C04 has no year ("do not
 * assume") and P01 is the prefecture's declaration, not a facility: neither is replayed.
 */
describe("replaying the city's COVID-era facility restrictions", () => {
  const board = newBoard();
  const sports = registry.filter((f) => f.category === "sports" && f.designatedShelter);
  const schools = registry.filter((f) => f.category === "school" && f.designatedShelter);
  let n = 0;
  const C01 = row("C01");
  for (const f of sports)
    restrict(
      board,
      f.id,
      { kind: FacilityUse.FACILITY_USE_CLOSED, reason: C01.hours_or_capacity, startsAt: jst(C01.start_date), endsAt: jst("2021-07-01") },
      n++,
    );
  const C02 = row("C02");
  const harmony = idOf("熊本市男女共同参画センターはあもにい");
  restrict(
    board,
    harmony,
    { kind: FacilityUse.FACILITY_USE_CAPACITY_LIMITED, reason: "貸室は通常時の50%以内", capacity: 50, startsAt: jst(C02.start_date) },
    n++,
  );
  restrict(
    board,
    harmony,
    { kind: FacilityUse.FACILITY_USE_CLOSED, reason: "5月25日(月)休館", startsAt: jst("2020-05-25"), endsAt: jst("2020-05-26") },
    n++,
  );
  const C03 = row("C03");
  const museum = idOf("熊本市立熊本博物館");
  restrict(
    board,
    museum,
    { kind: FacilityUse.FACILITY_USE_CAPACITY_LIMITED, reason: C03.hours_or_capacity, capacity: 400, startsAt: jst(C03.start_date) },
    n++,
  );
  const C05 = row("C05");
  const gym = idOf("熊本市総合体育館・青年会館");
  restrict(
    board,
    gym,
    {
      kind: FacilityUse.FACILITY_USE_PARTLY_CLOSED,
      reason: C05.hours_or_capacity,
      parts: ["プール", "武道場", "トレーニング室", "サウナ"],
      startsAt: jst(C05.start_date),
      endsAt: jst("2021-06-14"),
    },
    n++,
  );
  const C06 = row("C06");
  const jo = idOf("熊本城ホール");
  restrict(
    board,
    jo,
    { kind: FacilityUse.FACILITY_USE_CAPACITY_LIMITED, reason: "イベントは人数制限", capacity: 1, startsAt: jst(C06.start_date) },
    n++,
  );
  const C07 = row("C07");
  for (const f of schools)
    restrict(
      board,
      f.id,
      { kind: FacilityUse.FACILITY_USE_CLOSED, reason: C07.quote_ja, startsAt: jst("2020-03-02"), endsAt: jst("2020-05-11") },
      n++,
    );

  const read = (id: string, date: string, time = "12:00") => conditionAt(board.record(id)!, Date.parse(jst(date, time)));

  it("C01: the city's sports facilities are closed from 2021-06-14 (existing bookings included) and open again after the 30th", () => {
    expect(read(sports[0].id, "2021-06-13")).toMatchObject({ use: FacilityUse.FACILITY_USE_OPEN });
    expect(read(sports[0].id, "2021-06-14", "00:00")).toMatchObject({
      use: FacilityUse.FACILITY_USE_CLOSED,
      reasons: ["既存予約分含めて利用不可(特別な場合を除く)"],
    });
    expect(read(sports[sports.length - 1].id, "2021-06-30", "23:59").use).toBe(FacilityUse.FACILITY_USE_CLOSED);
    expect(read(sports[0].id, "2021-07-01", "00:00").use).toBe(FacilityUse.FACILITY_USE_OPEN);
  });

  it("C02: はあもにい reopens on 2020-05-21 with rooms at 50%, and is closed on Monday the 25th", () => {
    expect(read(harmony, "2020-05-21")).toMatchObject({
      use: FacilityUse.FACILITY_USE_CAPACITY_LIMITED,
      reasons: ["貸室は通常時の50%以内"],
    });
    expect(read(harmony, "2020-05-25")).toMatchObject({
      use: FacilityUse.FACILITY_USE_CLOSED,
      reasons: ["5月25日(月)休館", "貸室は通常時の50%以内"],
    });
    expect(read(harmony, "2020-05-26").use).toBe(FacilityUse.FACILITY_USE_CAPACITY_LIMITED);
  });

  it("C03: 熊本博物館 stays open from 2022-01-21 with at most 400 inside", () => {
    expect(read(museum, "2022-01-20").use).toBe(FacilityUse.FACILITY_USE_OPEN);
    expect(read(museum, "2022-01-21")).toMatchObject({
      use: FacilityUse.FACILITY_USE_CAPACITY_LIMITED,
      reasons: ["館内定員400名; プラネタリウム定員85名"],
    });
    expect(board.record(museum)!.restrictions[0].capacity).toBe(400);
  });

  it("C05: 総合体育館 reopens on 2020-05-21 with the pool, dojo, training room and sauna closed", () => {
    const c = read(gym, "2020-05-21");
    expect(c.use).toBe(FacilityUse.FACILITY_USE_PARTLY_CLOSED);
    expect(c.reasons).toEqual(["総合体育館: プールや武道場、トレーニング室、サウナは当面閉鎖"]);
  });

  it("C06: 熊本城ホール is back on normal hours from 2021-10-01, with events limited in size", () => {
    expect(read(jo, "2021-10-01")).toMatchObject({ use: FacilityUse.FACILITY_USE_CAPACITY_LIMITED, reasons: ["イベントは人数制限"] });
    expect(board.record(jo)!.facility.hours).toBe("月火水木金土日 09:00-22:00");
  });

  it("C07: on 2020-03-31 the schools stay closed (reopening deferred)", () => {
    expect(read(schools[0].id, "2020-03-31")).toMatchObject({ use: FacilityUse.FACILITY_USE_CLOSED, reasons: [row("C07").quote_ja] });
  });

  it("leaves out the rows the source itself says not to date (C04) and the prefecture's declaration (P01)", () => {
    expect(row("C04").start_date).toMatch(/year not stated/);
    expect(row("P01").scope).toMatch(/熊本県/);
  });
});
