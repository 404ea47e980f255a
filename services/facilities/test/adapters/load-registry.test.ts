import { join } from "node:path";
import { loadRegistry } from "../../src/adapters/data/load-registry";
import { shelterFromRow } from "../../src/domain/registry-rows";

describe("the Kumamoto registry", () => {
  const registry = loadRegistry(join(__dirname, "..", "..", "..", "..", "data", "kumamoto"));

  it("loads the city's 209 designated shelters and 5 libraries, in all five wards", () => {
    expect(registry.filter((f) => f.designatedShelter)).toHaveLength(209);
    expect(registry.filter((f) => f.category === "library")).toHaveLength(5);
    expect(new Set(registry.map((f) => f.ward))).toEqual(new Set(["中央区", "東区", "西区", "南区", "北区"]));
  });

  it("names the line of a row whose ward is not a Kumamoto ward", () => {
    expect(() => shelterFromRow({ shelter_id: "x", name: "x", ward: "博多区" }, 17)).toThrow(
      /kumamoto_city_shelters_master.csv line 17: ward "博多区"/,
    );
  });
});
