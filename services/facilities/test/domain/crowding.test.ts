import { CrowdingLevel } from "@crisis/platform/contracts/crowding";
import { checkThresholds, crowdingLevel, defaultThresholds, roomLeft } from "../../src/domain/crowding";

const { CROWDING_LEVEL_UNKNOWN: unknown, CROWDING_LEVEL_OPEN: open, CROWDING_LEVEL_BUSY: busy } = CrowdingLevel;
const { CROWDING_LEVEL_CROWDED: crowded, CROWDING_LEVEL_FULL: full } = CrowdingLevel;

describe("crowding levels", () => {
  it.each([
    [0, open],
    [49, open],
    [50, busy],
    [69, busy],
    [70, crowded],
    [99, crowded],
    [100, full],
    [130, full],
  ])("puts %i persons in a shelter for 100 at the level the crowding maps use", (headcount, level) => {
    expect(crowdingLevel(headcount, 100, unknown)).toBe(level);
  });

  it("says unknown when no capacity is known, whatever the headcount", () => {
    expect(crowdingLevel(500, undefined, full)).toBe(unknown);
    expect(crowdingLevel(0, 0, open)).toBe(unknown);
  });

  it("rises at once but leaves full only once the headcount is more than 5 points below capacity", () => {
    expect(crowdingLevel(100, 100, crowded)).toBe(full);
    expect(crowdingLevel(99, 100, full)).toBe(full);
    expect(crowdingLevel(95, 100, full)).toBe(full);
    expect(crowdingLevel(94, 100, full)).toBe(crowded);
  });

  it("does not flap between crowded and full on reports around capacity", () => {
    const levels: CrowdingLevel[] = [];
    let level = crowded;
    for (const headcount of [98, 100, 99, 101, 98, 100, 97]) levels.push((level = crowdingLevel(headcount, 100, level)));
    expect(levels).toEqual([crowded, full, full, full, full, full, full]);
  });

  it("can fall several levels at once when a shelter empties", () => {
    expect(crowdingLevel(10, 100, full)).toBe(open);
    expect(crowdingLevel(47, 100, crowded)).toBe(busy);
    expect(crowdingLevel(44, 100, busy)).toBe(open);
  });

  it("follows thresholds from config", () => {
    const t = checkThresholds({ busyPercent: 30, crowdedPercent: 60, fullPercent: 90, marginPercent: 0 });
    expect(crowdingLevel(30, 100, unknown, t)).toBe(busy);
    expect(crowdingLevel(90, 100, unknown, t)).toBe(full);
    expect(crowdingLevel(89, 100, full, t)).toBe(crowded);
  });

  it("refuses thresholds that do not rise, naming them", () => {
    expect(() => checkThresholds({ ...defaultThresholds, busyPercent: 80 })).toThrow(/busy \(80\)/);
    expect(() => checkThresholds({ ...defaultThresholds, marginPercent: 25 })).toThrow(/margin \(25\)/);
  });

  it("counts the places left, never below 0, and none when capacity is unknown", () => {
    expect(roomLeft(30, 100)).toBe(70);
    expect(roomLeft(130, 100)).toBe(0);
    expect(roomLeft(30, undefined)).toBeUndefined();
  });
});
