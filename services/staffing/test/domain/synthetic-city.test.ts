import { checkPlan, earthquakePosts, generateCity, optimumBound, planAssignments, WARDS } from "../../src/domain";

describe("the synthetic earthquake city", () => {
  const city = generateCity({ seed: 7 });
  const posts = earthquakePosts({ days: ["2026-07-29", "2026-07-30"] });

  it("is made up, about 7,000 strong, spread over the real five wards, and the same for the same seed", () => {
    expect(city.staff.length).toBeGreaterThan(6900);
    expect(city.staff.length).toBeLessThan(7100);
    expect(city.staff.every((p) => p.fictional && p.name.endsWith("（架空）"))).toBe(true);
    expect(new Set(city.staff.map((p) => p.ward))).toEqual(new Set(WARDS));
    expect(generateCity({ seed: 7 })).toEqual(city);
    expect(generateCity({ seed: 8 }).staff).not.toEqual(city.staff);
  });

  it("opens the 183 shelters of 07-29 with one trained lead in every shelter shift and a 保健師 round per 5 shelters", () => {
    const shelterShifts = posts.filter((p) => p.duty === "避難所運営" && p.id.endsWith("2026-07-29-day"));
    expect(shelterShifts).toHaveLength(183);
    expect(shelterShifts.every((p) => p.positions.some((n) => n.skills.includes("避難所運営研修")))).toBe(true);
    expect(posts.filter((p) => p.duty === "保健師巡回" && p.id.endsWith("2026-07-29-day"))).toHaveLength(37);
  });

  it("plans two days of posts without breaking a rule and covers the optimum", async () => {
    const request = { ...city, posts, modeLevel: 3 as const };
    const plan = await planAssignments(request);
    expect(checkPlan(request, plan.assignments)).toEqual([]);
    expect(plan.positionsCovered).toBe(await optimumBound(request));
    expect(plan.positionsCovered).toBeGreaterThan(0.9 * plan.positionsRequired);
    expect(plan.assignments.every((a) => a.explanation.length > 0)).toBe(true);
  }, 60_000);
});
