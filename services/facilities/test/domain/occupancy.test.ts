import { OccupancyNeeds, SupplyNeed } from "@crisis/platform/contracts/crowding";
import { backAgain, newlyOut } from "../../src/domain/occupancy";

const { SUPPLY_NEED_UNSPECIFIED: silent, SUPPLY_NEED_ENOUGH: enough, SUPPLY_NEED_SHORT: short, SUPPLY_NEED_OUT: out } = SupplyNeed;
const needs = (water: SupplyNeed, food = silent, blankets = silent) => OccupancyNeeds.fromPartial({ water, food, blankets });

describe("supplies gone and back between a shelter's reports", () => {
  it("names a supply out now that the report before did not say was out, and none already out", () => {
    expect(newlyOut(undefined, needs(out, enough, out))).toEqual(["water", "blankets"]);
    expect(newlyOut(needs(short), needs(out))).toEqual(["water"]);
    expect(newlyOut(needs(out), needs(out, out))).toEqual(["food"]);
    expect(newlyOut(needs(out), needs(short))).toEqual([]);
  });

  it("names a supply the report before said was out that is there again, enough or short; a report silent on it says nothing", () => {
    expect(backAgain(needs(out, out, out), needs(enough, short, silent))).toEqual(["water", "food"]);
    expect(backAgain(needs(out), needs(out))).toEqual([]);
    expect(backAgain(undefined, needs(enough))).toEqual([]);
    expect(backAgain(needs(short), needs(enough))).toEqual([]);
  });
});
