import { bandWithHysteresis } from "../src/contracts";

describe("bands with hysteresis", () => {
  const thresholds = [50, 70, 100];
  it("rises at once and falls only more than the margin below the threshold it leaves", () => {
    expect(bandWithHysteresis(100, thresholds, 0, 5)).toBe(3);
    expect(bandWithHysteresis(96, thresholds, 3, 5)).toBe(3);
    expect(bandWithHysteresis(95, thresholds, 3, 5)).toBe(3);
    expect(bandWithHysteresis(94, thresholds, 3, 5)).toBe(2);
    expect(bandWithHysteresis(10, thresholds, 3, 5)).toBe(0);
  });
  it("takes the figure's own band on a first reading", () => {
    expect(bandWithHysteresis(96, thresholds, undefined, 5)).toBe(2);
  });
});
