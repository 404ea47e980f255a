import { Incident, ModeLevel } from "../gen/crisis/v1/common";
import { incidentName, incidentNames, incidentTerms, levelName, levelNames, levelTerms } from "../vocabulary";
import { sayMarked } from "./catalogue";
import { Term, incidentGlossary, levelGlossary, stateGlossary } from "./glossary";
import { ResidentLang, residentLanguages } from "./languages";

/**
 * The reason phrases the playbooks (data/<city>/playbooks) give a restriction or a service level,
 * in every resident language, built on the glossary's terms (窓口 counter, 罹災証明書, the online and
 * convenience-store channels, 予約制 reservation only). Facilities refuses at start a playbook whose
 * phrase is missing here: residents would read the city's Japanese.
 */
export const reasonGlossary = {
  臨時休校: {
    ja: "臨時休校",
    "ja-x-easy": "学校[がっこう]は しばらく 休[やす]み",
    en: "school temporarily closed",
    vi: "trường học tạm nghỉ",
    "zh-Hans": "临时停课",
    "zh-Hant": "臨時停課",
    ko: "임시 휴교",
    ne: "विद्यालय अस्थायी रूपमा बन्द",
  },
  臨時休館: {
    ja: "臨時休館",
    "ja-x-easy": "しばらく 休[やす]み",
    en: "temporarily closed",
    vi: "tạm thời đóng cửa",
    "zh-Hans": "临时闭馆",
    "zh-Hant": "臨時閉館",
    ko: "임시 휴관",
    ne: "अस्थायी रूपमा बन्द",
  },
  特別相談窓口を開設: {
    ja: "特別相談窓口を開設",
    "ja-x-easy": "特別[とくべつ]な 相談[そうだん]の 窓口[まどぐち]を 開[あ]きました",
    en: "special consultation counter opened",
    vi: "đã mở quầy tiếp dân tư vấn đặc biệt",
    "zh-Hans": "开设特别咨询窗口",
    "zh-Hant": "開設特別諮詢窗口",
    ko: "특별 상담 창구 개설",
    ne: "विशेष परामर्श काउन्टर खोलियो",
  },
  "り災証明書（住家）の電子申請（マイナポータル）": {
    ja: "り災証明書（住家）の電子申請（マイナポータル）",
    "ja-x-easy": "家[いえ]の 罹災証明書[りさいしょうめいしょ]を インターネット（マイナポータル）で 申[もう]し込[こ]めます",
    en: "disaster damage certificate (risai shomeisho) for a home: apply online (Myna Portal)",
    vi: "giấy chứng nhận thiệt hại do thiên tai (risai shomeisho) cho nhà ở: nộp trực tuyến (Mynaportal)",
    "zh-Hans": "住房受灾证明书（罹災証明書）网上申请（Mynaportal）",
    "zh-Hant": "住家受災證明書（罹災証明書）網路申請（Mynaportal）",
    ko: "주택 이재증명서(罹災証明書) 온라인 신청(마이나포털)",
    ne: "घरको प्रकोप क्षति प्रमाणपत्र (रिसाइ शोमेइशो): अनलाइन (Mynaportal) आवेदन",
  },
  り災証明書の発行窓口: {
    ja: "り災証明書の発行窓口",
    "ja-x-easy": "罹災証明書[りさいしょうめいしょ]を 出[だ]す 窓口[まどぐち]",
    en: "counter issuing disaster damage certificates (risai shomeisho)",
    vi: "quầy tiếp dân cấp giấy chứng nhận thiệt hại do thiên tai (risai shomeisho)",
    "zh-Hans": "受灾证明书（罹災証明書）发放窗口",
    "zh-Hant": "受災證明書（罹災証明書）核發窗口",
    ko: "이재증명서(罹災証明書) 발급 창구",
    ne: "प्रकोप क्षति प्रमाणपत्र (रिसाइ शोमेइशो) दिने काउन्टर",
  },
  区役所窓口対応の変更: {
    ja: "区役所窓口対応の変更",
    "ja-x-easy": "区役所[くやくしょ]の 窓口[まどぐち]が 変[か]わります",
    en: "change at the ward office counter",
    vi: "thay đổi tại quầy văn phòng quận",
    "zh-Hans": "区政府窗口服务调整",
    "zh-Hant": "區公所窗口服務調整",
    ko: "구청 창구 업무 변경",
    ne: "वडा कार्यालयको काउन्टर सेवामा परिवर्तन",
  },
  "貸出・返却のみ": {
    ja: "貸出・返却のみ",
    "ja-x-easy": "本[ほん]を 借[か]りる・返[かえ]す だけ",
    en: "borrowing and returning only",
    vi: "chỉ mượn và trả sách",
    "zh-Hans": "仅限借还",
    "zh-Hant": "僅限借還",
    ko: "대출·반납만",
    ne: "किताब लिने र फिर्ता गर्ने मात्र",
  },
  "定員の50%以内": {
    ja: "定員の50%以内",
    "ja-x-easy": "入[はい]れる 人[ひと]は いつもの 半分[はんぶん]まで",
    en: "up to 50% of capacity",
    vi: "tối đa 50% sức chứa",
    "zh-Hans": "人数不超过定员的50%",
    "zh-Hant": "人數不超過定員的50%",
    ko: "정원의 50% 이내",
    ne: "क्षमताको 50% सम्म मात्र",
  },
  窓口は予約制: {
    ja: "窓口は予約制",
    "ja-x-easy": "窓口[まどぐち]は 予約[よやく]が 必要[ひつよう]",
    en: "counter by reservation only",
    vi: "quầy tiếp dân chỉ khi đặt trước",
    "zh-Hans": "窗口需预约",
    "zh-Hant": "窗口需預約",
    ko: "창구 예약제",
    ne: "काउन्टरमा पहिले बुकिङ चाहिन्छ",
  },
  窓口時間の短縮: {
    ja: "窓口時間の短縮",
    "ja-x-easy": "窓口[まどぐち]の 時間[じかん]が 短[みじか]い",
    en: "shorter counter hours",
    vi: "rút ngắn giờ làm việc của quầy tiếp dân",
    "zh-Hans": "缩短窗口时间",
    "zh-Hant": "縮短窗口時間",
    ko: "창구 시간 단축",
    ne: "काउन्टर खुल्ने समय घटाइएको",
  },
  "窓口休止（オンライン申請をご利用ください）": {
    ja: "窓口休止（オンライン申請をご利用ください）",
    "ja-x-easy": "窓口[まどぐち]は 休[やす]み（インターネットで 申[もう]し込[こ]んでください）",
    en: "counter suspended (please apply online)",
    vi: "quầy tiếp dân tạm ngừng (vui lòng nộp trực tuyến)",
    "zh-Hans": "窗口暂停（请网上申请）",
    "zh-Hant": "窗口暫停（請網路申請）",
    ko: "창구 중단(온라인 신청을 이용해 주세요)",
    ne: "काउन्टर बन्द (कृपया अनलाइन आवेदन गर्नुहोस्)",
  },
  "窓口時間の短縮・予約制（コンビニ交付・オンライン申請をご利用ください）": {
    ja: "窓口時間の短縮・予約制（コンビニ交付・オンライン申請をご利用ください）",
    "ja-x-easy":
      "窓口[まどぐち]の 時間[じかん]が 短[みじか]く、予約[よやく]が 必要[ひつよう]（コンビニや インターネットを 使[つか]ってください）",
    en: "shorter counter hours, reservation only (please use a convenience store or apply online)",
    vi: "rút ngắn giờ, chỉ khi đặt trước (vui lòng dùng cửa hàng tiện lợi hoặc nộp trực tuyến)",
    "zh-Hans": "缩短窗口时间・需预约（请利用便利店领取或网上申请）",
    "zh-Hant": "縮短窗口時間・需預約（請利用便利商店領取或網路申請）",
    ko: "창구 시간 단축·예약제(편의점 발급이나 온라인 신청을 이용해 주세요)",
    ne: "काउन्टर खुल्ने समय घटाइएको, पहिले बुकिङ चाहिन्छ (कन्भिनियन्स स्टोर वा अनलाइन आवेदन प्रयोग गर्नुहोस्)",
  },
} as const satisfies Record<string, Term>;

/** A playbook's opened shelter: the glossary's shelter with opened (a closing says the shelter state, 「避難所閉鎖」). */
const shelterOpenedWords: Term = {
  ja: "避難所開設",
  "ja-x-easy": "避難所[ひなんじょ]が 開[あ]きました",
  en: "shelter opened",
  vi: "nơi lánh nạn đã mở",
  "zh-Hans": "避难所开设",
  "zh-Hant": "避難所開設",
  ko: "대피소 개설",
  ne: "आश्रयस्थल खोलियो",
};

/**
 * What a playbook records as a reason: what it did, under the declaration's incident and level (the
 * level is said only when a shelter closes or a restriction or service level ends).
 */
export type PlaybookReason = { incident: Incident; level: ModeLevel } &
  /** A restriction's or service level's phrase. */
  (
    | { kind: "phrase"; phrase: string }
    /** `ended`: a restriction or service level the declaration no longer wants. */
    | { kind: "shelterOpened" | "shelterClosed" | "ended" }
  );

const isPhrase = (phrase: string): phrase is keyof typeof reasonGlossary => Object.hasOwn(reasonGlossary, phrase);

/**
 * A playbook's reason in one language, readings marked in やさしい日本語 (like `sayMarked`). In
 * Japanese it is what facilities records (「臨時休館（地震）」); a phrase not in the glossary reads as written.
 */
export function sayPlaybookReason(reason: PlaybookReason, lang: ResidentLang): string {
  const why = incidentGlossary[incidentName(reason.incident) ?? "other"][lang];
  const level = levelGlossary[levelName(reason.level) ?? "normal"][lang];
  const aside = (text: string) => sayMarked(lang, "aside", { text });
  switch (reason.kind) {
    case "phrase":
      return `${isPhrase(reason.phrase) ? reasonGlossary[reason.phrase][lang] : reason.phrase}${aside(why)}`;
    case "shelterOpened":
      return `${shelterOpenedWords[lang]}${aside(why)}`;
    case "shelterClosed": {
      // The record's Japanese keeps the space it has always had between the two words.
      const between = lang === "ja" ? " " : sayMarked(lang, "listSeparator");
      return `${stateGlossary.shelter_closed[lang]}${aside(`${why}${between}${level}`)}`;
    }
    case "ended":
      return `${level}${aside(why)}`;
  }
}

/** The languages a playbook's reason phrase has no words in (every one when the glossary lacks it). */
export const reasonPhraseLacks = (phrase: string): ResidentLang[] =>
  residentLanguages.filter((lang) => !isPhrase(phrase) || !reasonGlossary[phrase][lang].trim());

/** Every reason a playbook can record, each said in one language. */
function everyPlaybookReason(): PlaybookReason[] {
  const levels = levelNames.map((name) => levelTerms[name].value);
  return incidentNames.flatMap((name): PlaybookReason[] => {
    const incident = incidentTerms[name].value;
    // A phrase and an opened shelter do not say the level: any one will do.
    const anyLevel = ModeLevel.MODE_LEVEL_EMERGENCY;
    return [
      ...Object.keys(reasonGlossary).map((phrase) => ({ kind: "phrase" as const, phrase, incident, level: anyLevel })),
      { kind: "shelterOpened", incident, level: anyLevel },
      ...levels.flatMap((level): PlaybookReason[] => [
        { kind: "shelterClosed", incident, level },
        { kind: "ended", incident, level },
      ]),
    ];
  });
}

const translations = new Map<ResidentLang, ReadonlyMap<string, string>>();

/**
 * A recorded reason in a resident's language, readings marked: one a playbook made (recorded in
 * Japanese) is looked up among every reason the playbooks can make; anything else is the city's
 * own words (a staff member's reason) and reads as written.
 */
export function reasonIn(recorded: string, lang: ResidentLang): string {
  let table = translations.get(lang);
  if (!table) {
    table = new Map(everyPlaybookReason().map((r) => [sayPlaybookReason(r, "ja"), sayPlaybookReason(r, lang)]));
    translations.set(lang, table);
  }
  return table.get(recorded) ?? recorded;
}
