import { distanceM } from "@crisis/platform/contracts";

describe("the one distance", () => {
  it("is zero from a place to itself", () => {
    expect(distanceM(32.8032, 130.7079, 32.8032, 130.7079)).toBe(0);
  });

  it("measures the city hall to Kumamoto station as about 2.3 km, either way round", () => {
    const there = distanceM(32.8032, 130.7079, 32.7898, 130.6888);
    expect(there).toBeGreaterThan(2_200);
    expect(there).toBeLessThan(2_500);
    expect(distanceM(32.7898, 130.6888, 32.8032, 130.7079)).toBeCloseTo(there, 6);
  });

  it("gives half the earth's circumference for opposite points, not NaN", () => {
    expect(distanceM(0, 0, 0, 180)).toBeCloseTo(Math.PI * 6_371_008.8, 0);
  });
});
