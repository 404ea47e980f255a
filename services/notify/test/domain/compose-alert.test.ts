import { FacilityStatus, ModeLevel } from "@crisis/platform/contracts";
import { FacilityStatusChanged } from "@crisis/platform/contracts/events";
import { composeAlert } from "../../src/domain/compose-alert";
import { quake } from "../examples";

const change = (
  id: string,
  ward: string,
  category: string,
  status: FacilityStatus,
  previous = FacilityStatus.FACILITY_STATUS_NORMAL,
): FacilityStatusChanged =>
  FacilityStatusChanged.fromPartial({
    eventId: id,
    facilityId: id,
    facilityName: `施設${id}`,
    category,
    ward,
    previousStatus: previous,
    status,
    causeEventId: "m",
    changedAt: "",
    reason: "",
  });
const shelters = [
  ...Array.from({ length: 3 }, (_, i) => change(`c${i}`, "中央区", "school", FacilityStatus.FACILITY_STATUS_SHELTER_OPEN)),
  ...Array.from({ length: 2 }, (_, i) => change(`k${i}`, "北区", "school", FacilityStatus.FACILITY_STATUS_SHELTER_OPEN)),
];
const library = change("lib", "中央区", "library", FacilityStatus.FACILITY_STATUS_CLOSED);
const url = "https://crisis.example/status";

describe("composing one alert per subscriber", () => {
  it("sums up opened shelters per ward in Japanese", () => {
    const message = composeAlert("a1", quake, shelters, "ja", url)!;
    expect(message.title).toBe("熊本市 地震 緊急体制");
    expect(message.body).toBe(`避難所 5 か所を開設 — 中央区 3、北区 2\n詳しくは ${url}`);
    expect(message.tag).toBe("a1");
  });

  it("writes the same summary in English for an English subscriber", () => {
    const message = composeAlert("a1", quake, [...shelters, library], "en", url)!;
    expect(message.title).toBe("Kumamoto City: earthquake emergency");
    expect(message.body.split("\n").slice(0, 2)).toEqual(["5 shelters opened — Chuo Ward 3, Kita Ward 2", "1 facility closed: 施設lib"]);
  });

  it("writes the summary in Vietnamese and in easy Japanese (readings in brackets) from the same catalogue", () => {
    const vi = composeAlert("a1", quake, shelters, "vi", url)!;
    expect(vi.title).toBe("Thành phố Kumamoto: động đất – mức khẩn cấp");
    expect(vi.body).toBe(`Đã mở 5 nơi lánh nạn — Quận Chuo (Chuo-ku) 3, Quận Kita (Kita-ku) 2\nChi tiết: ${url}`);
    const easy = composeAlert("a1", quake, shelters, "ja-x-easy", url)!;
    expect(easy.title).toBe("熊本市(くまもとし) 地震(じしん) 緊急(きんきゅう)");
    expect(easy.body.split("\n")[0]).toBe("避難所(ひなんじょ)が 5か所(しょ) 開(あ)きました。中央区(ちゅうおうく) 3、北区(きたく) 2");
  });

  it("writes singular and plural counts in English and the same counter for any number in Japanese", () => {
    const one = composeAlert("a1", quake, [shelters[0]], "en", url)!;
    expect(one.body.split("\n")[0]).toBe("1 shelter opened — Chuo Ward 1");
    const two = composeAlert("a1", quake, [library, change("lib2", "北区", "library", FacilityStatus.FACILITY_STATUS_CLOSED)], "en", url)!;
    expect(two.body.split("\n")[0]).toBe("2 facilities closed: 施設lib, 施設lib2");
    expect(composeAlert("a1", quake, [library], "ja", url)!.body.split("\n")[0]).toBe("休館 1 施設: 施設lib");
  });

  it("sends nothing when nothing the subscriber follows changed", () => {
    expect(composeAlert("a1", quake, [], "ja", url)).toBeNull();
  });

  it("reports closed shelters and reopened facilities when the mode is stood down", () => {
    const standDown = { ...quake, level: ModeLevel.MODE_LEVEL_NORMAL };
    const back = [
      change("c0", "中央区", "school", FacilityStatus.FACILITY_STATUS_NORMAL, FacilityStatus.FACILITY_STATUS_SHELTER_OPEN),
      change("lib", "中央区", "library", FacilityStatus.FACILITY_STATUS_NORMAL, FacilityStatus.FACILITY_STATUS_CLOSED),
    ];
    expect(composeAlert("a2", standDown, back, "ja", url)!.body.split("\n").slice(0, 2)).toEqual([
      "避難所 1 か所を閉鎖",
      "再開 1 施設: 施設lib",
    ]);
  });
});
