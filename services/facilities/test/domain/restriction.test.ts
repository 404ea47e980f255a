import { ChangeSource, FacilityUse } from "@crisis/platform/contracts";
import { Restriction } from "@crisis/platform/contracts/facilities";
import { effectiveUse } from "../../src/domain/restriction";

const r = (id: string, kind: FacilityUse, startsAt: string, endsAt = "", endedAt = ""): Restriction =>
  Restriction.fromPartial({ id, kind, reason: `reason ${id}`, source: ChangeSource.CHANGE_SOURCE_MANUAL, startsAt, endsAt, endedAt });
const at = (iso: string) => Date.parse(iso);

describe("the effective use of a facility at a time", () => {
  const list = [
    r("hours", FacilityUse.FACILITY_USE_REDUCED_HOURS, "2026-08-01T00:00:00Z"),
    r("cap", FacilityUse.FACILITY_USE_CAPACITY_LIMITED, "2026-08-02T00:00:00Z", "2026-08-04T00:00:00Z"),
    r("closed", FacilityUse.FACILITY_USE_CLOSED, "2026-08-03T00:00:00Z", "2026-08-03T12:00:00Z"),
  ];

  it("is open with no reason before any restriction starts", () => {
    expect(effectiveUse(list, at("2026-07-31T23:59:59Z"))).toMatchObject({ use: FacilityUse.FACILITY_USE_OPEN, reasons: [] });
  });

  it("is the most restrictive active restriction, listing every active reason most restrictive first", () => {
    expect(effectiveUse(list, at("2026-08-03T06:00:00Z"))).toMatchObject({
      use: FacilityUse.FACILITY_USE_CLOSED,
      reasons: ["reason closed", "reason cap", "reason hours"],
    });
  });

  it("treats the end as exclusive: at the end instant the restriction no longer applies", () => {
    expect(effectiveUse(list, at("2026-08-03T12:00:00Z")).use).toBe(FacilityUse.FACILITY_USE_CAPACITY_LIMITED);
    expect(effectiveUse(list, at("2026-08-04T00:00:00Z")).use).toBe(FacilityUse.FACILITY_USE_REDUCED_HOURS);
  });

  it("stops counting a restriction ended early, though it stays in the list", () => {
    const ended = [r("c", FacilityUse.FACILITY_USE_CLOSED, "2026-08-01T00:00:00Z", "", "2026-08-02T00:00:00Z")];
    expect(effectiveUse(ended, at("2026-08-01T12:00:00Z")).use).toBe(FacilityUse.FACILITY_USE_CLOSED);
    expect(effectiveUse(ended, at("2026-08-02T00:00:01Z")).use).toBe(FacilityUse.FACILITY_USE_OPEN);
  });

  it("does not depend on the order restrictions are listed in", () => {
    const t = at("2026-08-03T06:00:00Z");
    expect(effectiveUse([...list].reverse(), t)).toEqual(effectiveUse(list, t));
  });
});
