import { join } from "node:path";
import iconv from "iconv-lite";
import { importPublicFacilities, loadRegistry } from "../../src/adapters/data/load-registry";
import { shelterFromRow } from "../../src/domain/registry-rows";

const dataDir = join(__dirname, "..", "..", "..", "..", "data", "kumamoto");

describe("the Kumamoto registry", () => {
  const { facilities, rejected } = loadRegistry(dataDir);
  const byName = (name: string) => facilities.find((f) => f.name === name);

  it("keeps one facility per building: the 209 designated rows hold 208 buildings (錦ケ丘中学校 is listed twice)", () => {
    const shelters = facilities.filter((f) => f.designatedShelter);
    expect(shelters).toHaveLength(208);
    expect(facilities.filter((f) => f.name.normalize("NFKC").replace("ヶ", "ケ") === "錦ケ丘中学校")).toHaveLength(1);
    const counts = Object.fromEntries(
      ["中央区", "東区", "西区", "南区", "北区"].map((w) => [w, shelters.filter((f) => f.ward === w).length]),
    );
    expect(counts).toEqual({ 中央区: 48, 東区: 41, 西区: 34, 南区: 43, 北区: 42 });
  });

  it("merges the portal's 289 sites by portal id, keeping both ids, and adds the sites only the portal lists", () => {
    const plaza = byName("くまもと森都心プラザ");
    expect(plaza?.ids).toMatchObject({ gsi: "E4310000014111", portal: "00000080" });
    const portalOnly = facilities.filter((f) => f.canShelter && !f.designatedShelter);
    expect(portalOnly.map((f) => f.name)).toContain("TKUプラザ");
    // 289 portal rows = 198 joined to a designated shelter + 90 sites of their own + 熊本城 (no ward in its address).
    expect(facilities.filter((f) => f.ids.portal)).toHaveLength(198 + 90);
    expect(rejected.map(String)).toEqual([expect.stringMatching(/kumamoto_city_portal_shelters.csv line 177: ward ""/)]);
  });

  it("leaves capacity unknown where no source states it (the portal writes 0 for unknown)", () => {
    expect(facilities.every((f) => f.capacity === undefined)).toBe(true);
  });

  it("loads the sample 公共施設一覧: ward offices, branch offices, halls, and joins the libraries and the gymnasium by name", () => {
    expect(facilities.filter((f) => f.category === "ward_office").map((f) => f.ward)).toEqual(["中央区", "東区", "西区", "南区", "北区"]);
    expect(facilities.filter((f) => f.category === "branch_office")).toHaveLength(4);
    expect(facilities.filter((f) => f.category === "library")).toHaveLength(5);
    const library = facilities.find((f) => f.id === "lib:JP-1003025");
    expect(library).toMatchObject({ nameEn: "Kumamoto City Library", hours: "火水木金土日 09:30-20:00 (月曜・館内整理日は休館)" });
    const gym = byName("熊本市総合体育館・青年会館");
    expect(gym).toMatchObject({ designatedShelter: true, ids: { city: "4310040001", gsi: "E4310000065111" } });
    expect(byName("熊本市立熊本博物館")).toMatchObject({ category: "museum", ward: "中央区" });
  });

  it("names the line of a row whose ward is not a Kumamoto ward", () => {
    expect(() => shelterFromRow({ shelter_id: "x", name: "x", ward: "博多区" }, 17)).toThrow(
      /kumamoto_city_shelters_master.csv line 17: ward "博多区"/,
    );
  });
});

describe("importing a city's 公共施設一覧 CSV", () => {
  const variantA = [
    "ID,名称,名称_英字,所在地_市区町村,所在地_連結表記,緯度,経度,種別,利用可能曜日,開始時間,終了時間,利用可能日時特記事項",
    "1,東区役所,Higashi Ward Office,熊本市東区,熊本県熊本市東区東本町16-30,32.7881,130.767,区役所,月火水木金,08:30,17:15,",
    "2,壊れた行,,熊本市中央区,,130.7,32.8,図書館,,,,",
    "3,熊本市立図書館,,熊本市中央区,熊本県熊本市中央区大江六丁目1-74,,,図書館,火水木金土日,09:30,20:00,",
  ].join("\r\n");

  it("reads UTF-8, reports the bad row by its line and loads the others", () => {
    const report = importPublicFacilities(Buffer.from(variantA, "utf8"), "a.csv");
    expect(report.facilities.map((f) => [f.id, f.category, f.ward])).toEqual([
      ["city:1", "ward_office", "東区"],
      ["city:3", "library", "中央区"],
    ]);
    expect(report.facilities[0]).toMatchObject({ nameEn: "Higashi Ward Office", hours: "月火水木金 08:30-17:15", latitude: 32.7881 });
    expect(report.rejected.map(String)).toEqual([expect.stringMatching(/^RegistryRowError: a.csv line 3: 緯度\/経度: "130.7", "32.8"/)]);
  });

  it("reads the same file in Shift_JIS", () => {
    const report = importPublicFacilities(iconv.encode(variantA, "Shift_JIS"), "sjis.csv");
    expect(report.facilities.map((f) => f.name)).toEqual(["東区役所", "熊本市立図書館"]);
  });

  it("reads the older 推奨データセット header (NO, 住所, 方書, 市区町村名), deriving the category from the name", () => {
    const older = [
      "都道府県コード又は市区町村コード,NO,都道府県名,市区町村名,名称,名称_カナ,名称_通称,POIコード,住所,方書,緯度,経度",
      "431001,7,熊本県,熊本市北区,北区役所,,,,熊本県熊本市北区植木町岩野238-1,2階,32.8962,130.69",
    ].join("\n");
    const report = importPublicFacilities(Buffer.from(older, "utf8"), "b.csv");
    expect(report.facilities).toEqual([
      expect.objectContaining({ id: "city:7", category: "ward_office", ward: "北区", address: "熊本県熊本市北区植木町岩野238-1 2階" }),
    ]);
  });

  it("refuses a file without a 名称 column, naming it", () => {
    expect(() => importPublicFacilities(Buffer.from("a,b\n1,2\n"), "other.csv")).toThrow(/other.csv line 1: the header has no 名称 column/);
  });
});
