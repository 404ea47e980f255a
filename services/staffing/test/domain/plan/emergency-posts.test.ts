import { ExtendedCounters, daysAround, emergencyPosts, postTemplatesSchema, shiftsPlannedAt, type OpenShelter } from "../../../src/domain";
import { serviceLevelEvent, templates } from "../../support";

const shelters = (ward: OpenShelter["ward"], n: number): OpenShelter[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${ward}-${i}`, name: `${ward} ${i}`, ward }));

describe("emergency posts from the post templates", () => {
  it("gives every open shelter its team in every shift and a 保健師 round per 5 open shelters of a ward", () => {
    const posts = emergencyPosts(templates, {
      days: ["2026-07-29"],
      shelters: [...shelters("東区", 6), ...shelters("西区", 4)],
      callCentre: false,
    });
    const shelterPosts = posts.filter((p) => p.duty === "避難所運営");
    expect(shelterPosts).toHaveLength(10 * 3);
    expect(shelterPosts.every((p) => p.positions.some((n) => n.skills.includes("避難所運営研修")))).toBe(true);
    // Each shelter's post says which facility it is at, so nobody downstream parses the post id.
    expect(shelterPosts.every((p) => p.facilityId && p.id.startsWith(`shelter:${p.facilityId}@`) && !p.serviceId)).toBe(true);
    expect(posts.filter((p) => p.duty === "保健師巡回").map((p) => p.ward)).toEqual(["東区", "東区", "西区"]);
    expect(posts.some((p) => p.duty === "電話相談")).toBe(false);
  });

  it("runs shifts in Japan time: the night shift of 07-29 starts 23:00 JST", () => {
    const posts = emergencyPosts(templates, { days: ["2026-07-29"], shelters: shelters("中央区", 1), callCentre: true });
    const night = posts.find((p) => p.id === "call-centre@2026-07-29-night")!;
    expect(night.start.toISOString()).toBe("2026-07-29T14:00:00.000Z");
    expect(night.end.toISOString()).toBe("2026-07-29T22:00:00.000Z");
  });

  it("refuses a template file whose post names a shift that does not exist, naming the field", () => {
    const parsed = postTemplatesSchema.safeParse({ ...templates, healthRound: { ...templates.healthRound, shifts: ["noon"] } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toEqual(["healthRound.shifts"]);
  });

  it("refuses a position count that is not a positive whole number", () => {
    const bad = { ...templates, shelter: { ...templates.shelter, positions: [{ skills: [], count: 0 }] } };
    expect(postTemplatesSchema.safeParse(bad).error?.issues[0]?.path.join(".")).toBe("shelter.positions.0.count");
  });

  it("staffs each extended counter service in every ward it serves, in the day shift, and drops it back at normal", () => {
    const counters = new ExtendedCounters();
    expect(counters.apply(serviceLevelEvent("risai", "2026-07-29T00:00:00Z", true, ["東区", "南区"]))).toBe(true);
    expect(counters.apply(serviceLevelEvent("risai", "2026-07-29T00:00:00Z", true, ["東区", "南区"]))).toBe(false);
    const posts = emergencyPosts(templates, { days: ["2026-07-29"], shelters: [], callCentre: false, counters: counters.list() });
    expect(posts.map((p) => p.id)).toEqual(["counter:risai:東区@2026-07-29-day", "counter:risai:南区@2026-07-29-day"]);
    expect(posts[0]).toMatchObject({
      duty: "り災証明書窓口",
      ward: "東区",
      positions: [{ skills: ["事務"], count: 4 }],
      serviceId: "risai",
    });
    expect(posts[0]!.facilityId).toBeUndefined();
    counters.apply(serviceLevelEvent("risai", "2026-07-30T00:00:00Z", false));
    expect(counters.list()).toEqual([]);
  });

  it("plans from the shift under way, a day's worth, never a shift that is over", () => {
    // 17:00 in Kumamoto: the day shift (07:00–15:00) is over, the evening under way.
    expect(shiftsPlannedAt(templates, new Date("2026-07-28T08:00:00Z"))).toEqual([
      "2026-07-28-evening",
      "2026-07-28-night",
      "2026-07-29-day",
    ]);
    // 03:00: the night shift that began the evening before is still under way.
    expect(shiftsPlannedAt(templates, new Date("2026-07-28T18:00:00Z"))).toEqual([
      "2026-07-28-night",
      "2026-07-29-day",
      "2026-07-29-evening",
    ]);
    // At the minute a shift ends, the next day's same shift joins.
    expect(shiftsPlannedAt(templates, new Date("2026-07-28T14:00:00Z"))).toEqual([
      "2026-07-28-night",
      "2026-07-29-day",
      "2026-07-29-evening",
    ]);
    const from = new Date("2026-07-28T08:00:00Z");
    const posts = emergencyPosts(templates, { days: daysAround(from), from, shelters: shelters("北区", 1), callCentre: false });
    expect(posts.map((p) => p.id)).toEqual([
      "shelter:北区-0@2026-07-28-evening",
      "shelter:北区-0@2026-07-28-night",
      "shelter:北区-0@2026-07-29-day",
      "health-round:北区-1@2026-07-29-day",
    ]);
    expect(posts.every((p) => p.end > from)).toBe(true);
  });
});
