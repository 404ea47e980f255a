import { Incident, ModeLevel, reasonGlossary, reasonIn, reasonPhraseLacks, residentLanguages, sayPlaybookReason } from "../src/contracts";

const quake = Incident.INCIDENT_EARTHQUAKE;
const emergency = ModeLevel.MODE_LEVEL_EMERGENCY;

describe("a playbook's reasons", () => {
  it("has words for every phrase in every resident language", () => {
    for (const phrase of Object.keys(reasonGlossary)) expect([phrase, reasonPhraseLacks(phrase)]).toEqual([phrase, []]);
    expect(reasonPhraseLacks("臨時休業")).toEqual([...residentLanguages]);
  });

  it("says a phrase in the languages that are not Japanese in their own words, not the Japanese", () => {
    for (const [phrase, words] of Object.entries(reasonGlossary))
      for (const lang of ["en", "vi", "ko", "ne"] as const) expect(`${lang} ${words[lang]}`).not.toBe(`${lang} ${phrase}`);
  });

  it("says in Japanese what facilities has always recorded", () => {
    expect(sayPlaybookReason({ kind: "phrase", phrase: "臨時休館", incident: quake, level: emergency }, "ja")).toBe("臨時休館（地震）");
    expect(sayPlaybookReason({ kind: "shelterOpened", incident: quake, level: emergency }, "ja")).toBe("避難所開設（地震）");
    expect(
      sayPlaybookReason({ kind: "shelterClosed", incident: Incident.INCIDENT_TYPHOON, level: ModeLevel.MODE_LEVEL_NORMAL }, "ja"),
    ).toBe("避難所閉鎖（台風 通常体制）");
    expect(sayPlaybookReason({ kind: "ended", incident: Incident.INCIDENT_FLOOD, level: ModeLevel.MODE_LEVEL_WATCH }, "ja")).toBe(
      "注意体制（洪水）",
    );
  });

  it("translates a recorded reason into the reader's language", () => {
    expect(reasonIn("避難所開設（地震）", "en")).toBe("shelter opened (earthquake)");
    expect(reasonIn("臨時休館（台風）", "vi")).toBe("tạm thời đóng cửa (bão)");
    expect(reasonIn("避難所閉鎖（台風 通常体制）", "zh-Hans")).toBe("避难所已关闭（台风、正常运作）");
    expect(reasonIn("窓口時間の短縮・予約制（コンビニ交付・オンライン申請をご利用ください）（感染症）", "ko")).toBe(
      "창구 시간 단축·예약제(편의점 발급이나 온라인 신청을 이용해 주세요) (감염병)",
    );
    expect(reasonIn("緊急体制（地震）", "ne")).toBe("आपतकालीन अवस्था (भूकम्प)");
    expect(reasonIn("臨時休校（地震）", "ja-x-easy")).toBe("学校[がっこう]は しばらく 休[やす]み（地震[じしん]）");
    expect(reasonIn("臨時休校（地震）", "ja")).toBe("臨時休校（地震）");
  });

  it("leaves a staff member's own reason as written, even one that looks like a playbook's", () => {
    expect(reasonIn("天井の一部が落下したため", "en")).toBe("天井の一部が落下したため");
    expect(reasonIn("臨時休館（火事）", "en")).toBe("臨時休館（火事）");
  });
});
