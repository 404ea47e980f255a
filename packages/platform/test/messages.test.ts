import { TYPE, parse } from "@formatjs/icu-messageformat-parser";
import type { MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import {
  MessageKey,
  glossary,
  messages,
  negotiateLanguage,
  readingsAsRuby,
  readingsAsText,
  residentLanguages,
  say,
  sayMarked,
  markReading,
  nameIn,
  nameReading,
  staffMessages,
  sayStaff,
  StaffMessageKey,
  StaffPageKey,
  sayStaffPage,
  staffPageText,
  staffPageWords,
} from "../src/contracts";

/** The placeholders of one message, with the kind of each (plain, plural, select). */
function placeholders(elements: MessageFormatElement[], found = new Map<string, string>()) {
  for (const e of elements) {
    if (e.type === TYPE.argument || e.type === TYPE.number || e.type === TYPE.date || e.type === TYPE.time) found.set(e.value, "value");
    if (e.type === TYPE.plural || e.type === TYPE.select) {
      found.set(e.value, e.type === TYPE.plural ? "plural" : "select");
      Object.values(e.options).forEach((o) => placeholders(o.value, found));
    }
    if (e.type === TYPE.tag) placeholders(e.children, found);
  }
  return found;
}
const placeholdersOf = (text: string) => [...placeholders(parse(text, { ignoreTag: true })).keys()].sort();
const placeholderKinds = (text: string) => [...placeholders(parse(text, { ignoreTag: true })).values()];

/** Every word of a nested set by its path ("desk.refusals.PLAN_STALE"). */
const pathsOf = (tree: object, prefix = ""): string[] =>
  Object.entries(tree).flatMap(([name, value]) =>
    typeof value === "string" ? [`${prefix}${name}`] : pathsOf(value as object, `${prefix}${name}.`),
  );

const keys = Object.keys(messages.ja) as MessageKey[];

describe("the message catalogue", () => {
  it.each(residentLanguages)("has every key in %s, and nothing else", (lang) => {
    expect(Object.keys(messages[lang]).sort()).toEqual([...keys].sort());
    for (const key of keys) expect(messages[lang][key].trim()).not.toBe("");
  });

  it.each(residentLanguages)("%s has the same placeholders as Japanese in every message", (lang) => {
    const differing = keys.filter((key) => placeholdersOf(messages[lang][key]).join() !== placeholdersOf(messages.ja[key]).join());
    expect(differing).toEqual([]);
  });

  it("fails a message whose placeholder is misspelt (the check itself can fail)", () => {
    expect(placeholdersOf("{n} shelters opened — {byward}")).not.toEqual(placeholdersOf(messages.en.sheltersOpened));
  });

  it("counts by the language's plural rules", () => {
    expect(say("en", "sheltersClosed", { n: 1 })).toBe("1 shelter closed");
    expect(say("en", "sheltersClosed", { n: 3 })).toBe("3 shelters closed");
    expect(say("ja", "sheltersClosed", { n: 3 })).toBe("避難所 3 か所を閉鎖");
    expect(say("vi", "sheltersClosed", { n: 3 })).toBe("Đã đóng 3 nơi lánh nạn");
  });

  it("builds the sentences on the glossary's terms", () => {
    for (const lang of residentLanguages) {
      expect(sayMarked(lang, "noShelters")).toContain(glossary.shelter[lang]);
      expect(sayMarked(lang, "map")).toContain(glossary.shelter[lang]);
    }
  });

  it("writes easy Japanese readings as furigana on a page and in brackets in a push", () => {
    const marked = sayMarked("ja-x-easy", "noShelters");
    expect(marked).toBe("いま、開[あ]いている 避難所[ひなんじょ]は ありません。");
    expect(readingsAsRuby(marked)).toBe("いま、<ruby>開<rt>あ</rt></ruby>いている <ruby>避難所<rt>ひなんじょ</rt></ruby>は ありません。");
    expect(say("ja-x-easy", "noShelters")).toBe("いま、開(あ)いている 避難所(ひなんじょ)は ありません。");
    const name = markReading("三和中学校", "さんわちゅうがっこう");
    expect(readingsAsRuby(say("ja-x-easy", "facilityNow", { name, now: "x" }).replace(/\(.*\)/, ""))).toContain("三和中学校");
    expect(readingsAsRuby(sayMarked("ja-x-easy", "fullShelterTitle", { name }))).toBe(
      "<ruby>三和中学校<rt>さんわちゅうがっこう</rt></ruby>は いっぱいです",
    );
  });

  it("has no Japanese-only sentence in the languages that are not Japanese", () => {
    // Kana in a non-Japanese message is allowed only for a service's own Japanese name in brackets.
    for (const lang of ["en", "vi", "ko", "ne"] as const) {
      const kana = keys.filter((key) => /[\u3041-\u30FF]/.test(messages[lang][key].replace(/（?\(?マイナポータル\)?）?/g, "")));
      expect(kana).toEqual([]);
    }
  });
});

describe("choosing a resident's language", () => {
  it.each([
    ["vi-VN,vi;q=0.9,en;q=0.5", "vi"],
    ["zh-TW,zh;q=0.9", "zh-Hant"],
    ["zh-CN", "zh-Hans"],
    ["zh-Hant-HK", "zh-Hant"],
    ["ne-NP", "ne"],
    ["ko-KR,ko", "ko"],
    ["fr-FR,en;q=0.4", "en"],
    ["ja-x-easy", "ja-x-easy"],
  ])("reads %s as %s", (header, lang) => expect(negotiateLanguage(header)).toBe(lang));

  it("finds nothing for a language the hub does not have (the page then speaks Japanese and offers English)", () => {
    expect(negotiateLanguage("fr-FR,de;q=0.5")).toBeUndefined();
    expect(negotiateLanguage("")).toBeUndefined();
    expect(negotiateLanguage(undefined)).toBeUndefined();
  });
});

describe("readings", () => {
  it("leaves text without readings alone", () => expect(readingsAsText("避難所 [1]")).toBe("避難所 [1]"));
});

describe("names with their readings", () => {
  it("reads known names of the city's data (computed once at import, stored)", () => {
    expect(nameReading("三和中学校")).toEqual(["さんわちゅうがっこう", "Sanwa Chugakko"]);
    expect(nameReading("出水小学校")).toEqual(["いずみしょうがっこう", "Izumi Shogakko"]);
    expect(nameReading("中央区役所")).toEqual(["ちゅうおうくやくしょ", "Chuo Kuyakusho"]);
    expect(nameReading("力合小学校")?.[0]).toBe("ちからあいしょうがっこう");
  });

  it("shows furigana in easy Japanese and romaji after the name in the other languages", () => {
    expect(readingsAsRuby(nameIn("ja-x-easy", "三和中学校"))).toBe("<ruby>三和中学校<rt>さんわちゅうがっこう</rt></ruby>");
    expect(nameIn("vi", "三和中学校")).toBe("三和中学校 Sanwa Chugakko");
    expect(nameIn("ne", "三和中学校")).toBe("三和中学校 Sanwa Chugakko");
    expect(nameIn("ja", "三和中学校")).toBe("三和中学校");
    expect(nameIn("en", "中央区役所", "Chuo Ward Office")).toBe("Chuo Ward Office");
    expect(nameIn("vi", "どこにもない施設")).toBe("どこにもない施設");
  });
});

describe("the staff's messages", () => {
  const staffKeys = Object.keys(staffMessages.ja) as StaffMessageKey[];
  it("has every key in English with the same placeholders", () => {
    expect(Object.keys(staffMessages.en).sort()).toEqual([...staffKeys].sort());
    expect(
      staffKeys.filter((key) => placeholdersOf(staffMessages.en[key]).join() !== placeholdersOf(staffMessages.ja[key]).join()),
    ).toEqual([]);
  });

  it("says an empty value in words", () => {
    expect(sayStaff("ja", "staffEscalated", { name: "山田", proposed: "none" })).toBe(
      "山田さんが配置通知に回答していません。交代案: 該当者なし",
    );
    expect(sayStaff("en", "staffEscalated", { name: "Yamada", proposed: "Sato" })).toBe(
      "Yamada has not answered their assignment. Proposed replacement: Sato.",
    );
  });
});

describe("the staff pages' words", () => {
  const pageKeys = pathsOf(staffPageWords.ja) as StaffPageKey[];

  it("has every word of Japanese in English, and nothing else", () => {
    expect(pathsOf(staffPageWords.en).sort()).toEqual([...pageKeys].sort());
    // Only the daily sheet's units may be empty (English writes none after a figure).
    const empty = pageKeys.filter((key) => !staffPageText("ja", key).trim() || !staffPageText("en", key).trim());
    expect(empty).toEqual(["summary.places", "summary.people"]);
  });

  it("has the same placeholders in English as in Japanese", () => {
    const differing = pageKeys.filter(
      (key) => placeholdersOf(staffPageText("en", key)).join() !== placeholdersOf(staffPageText("ja", key)).join(),
    );
    expect(differing).toEqual([]);
  });

  it("finds a path the other language lacks (the check itself can fail)", () => {
    expect(pathsOf({ a: "x", b: { c: "y" } })).toEqual(["a", "b.c"]);
    expect(pathsOf({ a: "x", b: {} })).not.toEqual(pathsOf({ a: "x", b: { c: "y" } }));
  });

  it("hands page scripts words they can fill: plain placeholders, and a word without any reads as written", () => {
    const forScripts = pageKeys.filter((key) => !key.startsWith("summary.") && !key.startsWith("report."));
    for (const lang of ["ja", "en"] as const) {
      expect(forScripts.filter((key) => placeholderKinds(staffPageText(lang, key)).some((kind) => kind !== "value"))).toEqual([]);
      const plain = pageKeys.filter((key) => placeholdersOf(staffPageText(lang, key)).length === 0);
      expect(plain.filter((key) => sayStaffPage(lang, key) !== staffPageText(lang, key))).toEqual([]);
    }
  });

  it("fills a word's values, an empty one in words", () => {
    expect(sayStaffPage("ja", "desk.movesShown", { all: 12, shown: 3 })).toBe("12 件中 3 件を表示");
    expect(sayStaffPage("en", "summary.answers", { notices: 4, acknowledged: 3, declined: 1, rate: "75 %", median: "none" })).toBe(
      "Duty notices 4: acknowledged 3, declined 1 (rate 75 %), median time to answer –",
    );
    expect(sayStaffPage("ja", "summary.answers", { notices: 4, acknowledged: 3, declined: 1, rate: "75 %", median: 2.5 })).toBe(
      "応援の依頼 4 件：承諾 3 件、辞退 1 件（承諾率 75 %）、応答までの時間（中央値） 2.5 分",
    );
  });
});
