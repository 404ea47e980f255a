import { CrowdingChanged, CrowdingLevel } from "@crisis/platform/contracts/crowding";
import { composeFullShelter, fullAlertDue } from "../../src/domain/full-shelter";

const { CROWDING_LEVEL_CROWDED: crowded, CROWDING_LEVEL_FULL: full } = CrowdingLevel;
const change = (previousLevel: CrowdingLevel, level: CrowdingLevel, nearest = true) =>
  CrowdingChanged.fromPartial({
    facilityId: "ref:E1",
    facilityName: "五福小学校",
    ward: "中央区",
    previousLevel,
    level,
    nearestWithRoom: nearest ? [{ facilityId: "ref:E2", facilityName: "慶徳小学校", distanceM: 1_234, room: 50 }] : [],
  });
const now = new Date("2026-07-29T03:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

describe("the full-shelter alert", () => {
  it("is due when a shelter becomes full, not when it stays full or empties", () => {
    expect(fullAlertDue(change(crowded, full), undefined, now, 3_600_000)).toBe(true);
    expect(fullAlertDue(change(full, full), undefined, now, 3_600_000)).toBe(false);
    expect(fullAlertDue(change(full, crowded), undefined, now, 3_600_000)).toBe(false);
  });

  it("waits the minimum interval after the last alert for the same shelter", () => {
    expect(fullAlertDue(change(crowded, full), minutesAgo(59), now, 3_600_000)).toBe(false);
    expect(fullAlertDue(change(crowded, full), minutesAgo(60), now, 3_600_000)).toBe(true);
  });

  it("names the nearest shelter with room, its distance and its page; says so when there is none", () => {
    const ja = composeFullShelter("a1", change(crowded, full), "ja", "https://city.example");
    expect(ja.body).toBe(
      "五福小学校は満員になりました。空きのある近くの避難所: 慶徳小学校（1.2 km、残り50人分） https://city.example/facilities/ref%3AE2",
    );
    expect(ja.url).toBe("https://city.example/facilities/ref%3AE2");
    const none = composeFullShelter("a1", change(crowded, full, false), "en", "https://city.example");
    expect(none.body).toBe("五福小学校 Gofuku Shogakko is full. No nearby shelter with room is confirmed right now.");
    expect(none.url).toBe("https://city.example/facilities/ref%3AE1");
  });
});

describe("the full-shelter alert in the residents' languages", () => {
  it("is in Vietnamese with the name's romaji, and in easy Japanese with its reading in brackets", () => {
    const full = CrowdingChanged.fromPartial({
      facilityId: "f1",
      facilityName: "五福小学校",
      ward: "中央区",
      level: CrowdingLevel.CROWDING_LEVEL_FULL,
      nearestWithRoom: [],
    });
    expect(composeFullShelter("a1", full, "vi", "https://city.example").body).toBe(
      "五福小学校 Gofuku Shogakko đã đầy. Hiện chưa xác nhận được nơi lánh nạn nào gần đây còn chỗ.",
    );
    expect(composeFullShelter("a1", full, "ja-x-easy", "https://city.example").title).toBe(
      "五福小学校(ごふくしょうがっこう)は いっぱいです",
    );
  });
});
