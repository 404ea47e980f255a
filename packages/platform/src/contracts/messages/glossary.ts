import { stateTerms } from "../facility-state";
import {
  Lang,
  categoryWords,
  channelWords,
  crowdingTerms,
  incidentTerms,
  levelTerms,
  serviceLevelTerms,
  useTerms,
  wardWords,
} from "../vocabulary";
import { ResidentLang } from "./languages";

/**
 * The glossary: each term of the hub in every resident language, chosen once so that a page, a
 * push and a CAP alert say 「避難所」 the same way. Messages build on these terms (see the
 * language files), and a translator reviews them here first.
 *
 * やさしい日本語 writes a reading after a kanji word in brackets, 避難所[ひなんじょ]; pages show it as
 * furigana (<ruby>), pushes as 避難所(ひなんじょ).
 */
export type Term = Readonly<Record<ResidentLang, string>>;

/** The words of a disaster, as the city's multilingual disaster guides use them. */
export const glossary = {
  shelter: {
    ja: "避難所",
    "ja-x-easy": "避難所[ひなんじょ]",
    en: "shelter",
    vi: "nơi lánh nạn",
    "zh-Hans": "避难所",
    "zh-Hant": "避難所",
    ko: "대피소",
    ne: "आश्रयस्थल",
  },
  /** 開設: a shelter opened by the city (not a building's ordinary opening hours). */
  opened: {
    ja: "開設",
    "ja-x-easy": "開[あ]きました",
    en: "opened",
    vi: "đã mở",
    "zh-Hans": "开设",
    "zh-Hant": "開設",
    ko: "개설",
    ne: "खोलियो",
  },
  aftershock: {
    ja: "余震",
    "ja-x-easy": "余震[よしん]（あとから 来[く]る 地震[じしん]）",
    en: "aftershock",
    vi: "dư chấn",
    "zh-Hans": "余震",
    "zh-Hant": "餘震",
    ko: "여진",
    ne: "पराकम्पन",
  },
  /** 罹災証明書: the certificate of damage a household needs for support; its Japanese name is said too, as counters use it. */
  disasterCertificate: {
    ja: "罹災証明書",
    "ja-x-easy": "罹災証明書[りさいしょうめいしょ]（家[いえ]の 被害[ひがい]を 証明[しょうめい]する 紙[かみ]）",
    en: "disaster damage certificate (risai shomeisho)",
    vi: "giấy chứng nhận thiệt hại do thiên tai (risai shomeisho)",
    "zh-Hans": "受灾证明书（罹災証明書）",
    "zh-Hant": "受災證明書（罹災証明書）",
    ko: "이재증명서(罹災証明書)",
    ne: "प्रकोप क्षति प्रमाणपत्र (रिसाइ शोमेइशो)",
  },
  evacuate: {
    ja: "避難",
    "ja-x-easy": "逃[に]げる",
    en: "evacuate",
    vi: "sơ tán",
    "zh-Hans": "避难",
    "zh-Hant": "避難",
    ko: "대피",
    ne: "सुरक्षित ठाउँमा जानु",
  },
  facility: {
    ja: "施設",
    "ja-x-easy": "施設[しせつ]",
    en: "facility",
    vi: "cơ sở",
    "zh-Hans": "设施",
    "zh-Hant": "設施",
    ko: "시설",
    ne: "सार्वजनिक भवन",
  },
  counter: {
    ja: "窓口",
    "ja-x-easy": "窓口[まどぐち]",
    en: "counter",
    vi: "quầy tiếp dân",
    "zh-Hans": "窗口",
    "zh-Hant": "窗口",
    ko: "창구",
    ne: "काउन्टर",
  },
  ward: {
    ja: "区",
    "ja-x-easy": "区[く]",
    en: "ward",
    vi: "quận",
    "zh-Hans": "区",
    "zh-Hant": "區",
    ko: "구",
    ne: "वडा",
  },
  city: {
    ja: "熊本市",
    "ja-x-easy": "熊本市[くまもとし]",
    en: "Kumamoto City",
    vi: "Thành phố Kumamoto",
    "zh-Hans": "熊本市",
    "zh-Hant": "熊本市",
    ko: "구마모토시",
    ne: "कुमामोतो सिटी",
  },
} as const satisfies Record<string, Term>;
export type GlossaryTerm = keyof typeof glossary;

/** The glossary in one language, for a language file to build its sentences on. */
export const termsIn = (lang: ResidentLang) =>
  Object.fromEntries(Object.entries(glossary).map(([k, t]) => [k, t[lang]])) as Record<GlossaryTerm, string>;

/** A sentence that starts with a term: its first letter upper case ("nơi lánh nạn…" → "Nơi lánh nạn…"). */
export const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

type Others = Readonly<Record<Exclude<ResidentLang, Lang>, string>>;
/** A vocabulary table's Japanese and English (kept in vocabulary.ts, which the staff side reads) with the other languages. */
const withOthers = <K extends string>(base: Record<K, Readonly<Record<Lang, string>>>, others: Record<K, Others>) =>
  Object.fromEntries(Object.keys(others).map((k) => [k, { ja: base[k as K].ja, en: base[k as K].en, ...others[k as K] }])) as Record<
    K,
    Term
  >;

/** Ward names: the kanji with its reading, romanized after the Chinese characters (「中央区 Chuo-ku」). */
export const wardTerms = withOthers(wardWords, {
  中央区: {
    "ja-x-easy": "中央区[ちゅうおうく]",
    vi: "Quận Chuo (Chuo-ku)",
    "zh-Hans": "中央区 Chuo-ku",
    "zh-Hant": "中央區 Chuo-ku",
    ko: "주오구",
    ne: "चुओ वडा (Chuo-ku)",
  },
  東区: {
    "ja-x-easy": "東区[ひがしく]",
    vi: "Quận Higashi (Higashi-ku)",
    "zh-Hans": "东区 Higashi-ku",
    "zh-Hant": "東區 Higashi-ku",
    ko: "히가시구",
    ne: "हिगाशी वडा (Higashi-ku)",
  },
  西区: {
    "ja-x-easy": "西区[にしく]",
    vi: "Quận Nishi (Nishi-ku)",
    "zh-Hans": "西区 Nishi-ku",
    "zh-Hant": "西區 Nishi-ku",
    ko: "니시구",
    ne: "निशी वडा (Nishi-ku)",
  },
  南区: {
    "ja-x-easy": "南区[みなみく]",
    vi: "Quận Minami (Minami-ku)",
    "zh-Hans": "南区 Minami-ku",
    "zh-Hant": "南區 Minami-ku",
    ko: "미나미구",
    ne: "मिनामी वडा (Minami-ku)",
  },
  北区: {
    "ja-x-easy": "北区[きたく]",
    vi: "Quận Kita (Kita-ku)",
    "zh-Hans": "北区 Kita-ku",
    "zh-Hant": "北區 Kita-ku",
    ko: "기타구",
    ne: "किता वडा (Kita-ku)",
  },
});

export const incidentGlossary = withOthers(incidentTerms, {
  earthquake: { "ja-x-easy": "地震[じしん]", vi: "động đất", "zh-Hans": "地震", "zh-Hant": "地震", ko: "지진", ne: "भूकम्प" },
  flood: { "ja-x-easy": "洪水[こうずい]", vi: "lũ lụt", "zh-Hans": "洪水", "zh-Hant": "洪水", ko: "홍수", ne: "बाढी" },
  typhoon: { "ja-x-easy": "台風[たいふう]", vi: "bão", "zh-Hans": "台风", "zh-Hant": "颱風", ko: "태풍", ne: "आँधीतुफान (टाइफुन)" },
  pandemic: {
    "ja-x-easy": "感染症[かんせんしょう]",
    vi: "dịch bệnh",
    "zh-Hans": "传染病",
    "zh-Hant": "傳染病",
    ko: "감염병",
    ne: "महामारी",
  },
  other: { "ja-x-easy": "災害[さいがい]", vi: "thiên tai", "zh-Hans": "灾害", "zh-Hant": "災害", ko: "재해", ne: "विपद्" },
});

export const levelGlossary = withOthers(levelTerms, {
  normal: {
    "ja-x-easy": "いつもと 同[おな]じ",
    vi: "hoạt động bình thường",
    "zh-Hans": "正常运作",
    "zh-Hant": "正常運作",
    ko: "평상시 체제",
    ne: "सामान्य अवस्था",
  },
  watch: {
    "ja-x-easy": "注意[ちゅうい]",
    vi: "mức chú ý",
    "zh-Hans": "注意级",
    "zh-Hant": "注意級",
    ko: "주의 체제",
    ne: "सतर्कता",
  },
  alert: {
    "ja-x-easy": "警戒[けいかい]",
    vi: "mức cảnh giác",
    "zh-Hans": "警戒级",
    "zh-Hant": "警戒級",
    ko: "경계 체제",
    ne: "चेतावनी",
  },
  emergency: {
    "ja-x-easy": "緊急[きんきゅう]",
    vi: "mức khẩn cấp",
    "zh-Hans": "紧急级",
    "zh-Hant": "緊急級",
    ko: "긴급 체제",
    ne: "आपतकालीन अवस्था",
  },
});

export const stateGlossary = withOthers(stateTerms, {
  shelter_open: {
    "ja-x-easy": "避難所[ひなんじょ]が 開[あ]いています",
    vi: "nơi lánh nạn đang mở",
    "zh-Hans": "避难所开设中",
    "zh-Hant": "避難所開設中",
    ko: "대피소 개설 중",
    ne: "आश्रयस्थल खुला छ",
  },
  shelter_closed: {
    "ja-x-easy": "避難所[ひなんじょ]は 閉[し]まりました",
    vi: "nơi lánh nạn đã đóng",
    "zh-Hans": "避难所已关闭",
    "zh-Hant": "避難所已關閉",
    ko: "대피소 폐쇄",
    ne: "आश्रयस्थल बन्द भयो",
  },
  shelter_not_opened: {
    "ja-x-easy": "避難所[ひなんじょ]は 開[あ]いていません",
    vi: "nơi lánh nạn chưa mở",
    "zh-Hans": "避难所未开设",
    "zh-Hant": "避難所未開設",
    ko: "대피소 미개설",
    ne: "आश्रयस्थल खोलिएको छैन",
  },
  closed: { "ja-x-easy": "休[やす]み", vi: "đóng cửa", "zh-Hans": "闭馆", "zh-Hant": "閉館", ko: "휴관", ne: "बन्द" },
  restricted: {
    "ja-x-easy": "使[つか]い方[かた]に 決[き]まりが あります",
    vi: "hạn chế sử dụng",
    "zh-Hans": "限制使用",
    "zh-Hant": "限制使用",
    ko: "이용 제한",
    ne: "प्रयोगमा सीमा",
  },
  normal: {
    "ja-x-easy": "いつもと 同[おな]じ",
    vi: "bình thường",
    "zh-Hans": "正常开放",
    "zh-Hant": "正常開放",
    ko: "평소대로",
    ne: "सामान्य रूपमा खुला",
  },
  unknown: { "ja-x-easy": "わかりません", vi: "chưa rõ", "zh-Hans": "不明", "zh-Hant": "不明", ko: "알 수 없음", ne: "थाहा छैन" },
});

export const crowdingGlossary = withOthers(crowdingTerms, {
  unknown: { "ja-x-easy": "わかりません", vi: "chưa rõ", "zh-Hans": "不明", "zh-Hant": "不明", ko: "알 수 없음", ne: "थाहा छैन" },
  open: { "ja-x-easy": "空[あ]いています", vi: "còn chỗ", "zh-Hans": "有空位", "zh-Hant": "有空位", ko: "여유 있음", ne: "ठाउँ छ" },
  busy: {
    "ja-x-easy": "少[すこ]し 混[こ]んでいます",
    vi: "hơi đông",
    "zh-Hans": "稍拥挤",
    "zh-Hant": "稍擁擠",
    ko: "약간 혼잡",
    ne: "अलि भीड छ",
  },
  crowded: { "ja-x-easy": "混[こ]んでいます", vi: "đông", "zh-Hans": "拥挤", "zh-Hant": "擁擠", ko: "혼잡", ne: "भीड छ" },
  full: { "ja-x-easy": "いっぱいです", vi: "đã đầy", "zh-Hans": "已满", "zh-Hant": "已滿", ko: "만원", ne: "भरिएको" },
});

export const categoryGlossary = withOthers(categoryWords, {
  school: { "ja-x-easy": "学校[がっこう]", vi: "trường học", "zh-Hans": "学校", "zh-Hant": "學校", ko: "학교", ne: "विद्यालय" },
  community_center: {
    "ja-x-easy": "公民館[こうみんかん]",
    vi: "nhà văn hóa cộng đồng",
    "zh-Hans": "公民馆・社区中心",
    "zh-Hant": "公民館・社區中心",
    ko: "공민관·커뮤니티센터",
    ne: "सामुदायिक भवन",
  },
  sports: {
    "ja-x-easy": "スポーツの 施設[しせつ]",
    vi: "cơ sở thể thao",
    "zh-Hans": "体育设施",
    "zh-Hant": "體育設施",
    ko: "체육 시설",
    ne: "खेलकुद भवन",
  },
  welfare: {
    "ja-x-easy": "福祉[ふくし]の 施設[しせつ]",
    vi: "cơ sở phúc lợi",
    "zh-Hans": "福利设施",
    "zh-Hant": "福利設施",
    ko: "복지 시설",
    ne: "कल्याणकारी भवन",
  },
  culture: {
    "ja-x-easy": "文化[ぶんか]の 施設[しせつ]",
    vi: "cơ sở văn hóa",
    "zh-Hans": "文化设施",
    "zh-Hant": "文化設施",
    ko: "문화 시설",
    ne: "सांस्कृतिक भवन",
  },
  university: {
    "ja-x-easy": "大学[だいがく]",
    vi: "trường đại học",
    "zh-Hans": "大学",
    "zh-Hant": "大學",
    ko: "대학교",
    ne: "विश्वविद्यालय",
  },
  park: { "ja-x-easy": "公園[こうえん]", vi: "công viên", "zh-Hans": "公园", "zh-Hant": "公園", ko: "공원", ne: "पार्क" },
  library: { "ja-x-easy": "図書館[としょかん]", vi: "thư viện", "zh-Hans": "图书馆", "zh-Hant": "圖書館", ko: "도서관", ne: "पुस्तकालय" },
  museum: {
    "ja-x-easy": "博物館[はくぶつかん]・美術館[びじゅつかん]",
    vi: "bảo tàng",
    "zh-Hans": "博物馆・美术馆",
    "zh-Hant": "博物館・美術館",
    ko: "박물관·미술관",
    ne: "संग्रहालय",
  },
  ward_office: {
    "ja-x-easy": "区役所[くやくしょ]",
    vi: "văn phòng quận",
    "zh-Hans": "区政府",
    "zh-Hant": "區公所",
    ko: "구청",
    ne: "वडा कार्यालय",
  },
  branch_office: {
    "ja-x-easy": "出張所[しゅっちょうじょ]",
    vi: "văn phòng chi nhánh",
    "zh-Hans": "区政府分所",
    "zh-Hant": "區公所分所",
    ko: "출장소",
    ne: "शाखा कार्यालय",
  },
  city_hall: {
    "ja-x-easy": "市役所[しやくしょ]",
    vi: "tòa thị chính",
    "zh-Hans": "市政府",
    "zh-Hant": "市政府",
    ko: "시청",
    ne: "नगर कार्यालय",
  },
  other: { "ja-x-easy": "ほか", vi: "khác", "zh-Hans": "其他", "zh-Hant": "其他", ko: "기타", ne: "अन्य" },
});

export const serviceLevelGlossary = withOthers(serviceLevelTerms, {
  normal: { "ja-x-easy": "いつもと 同[おな]じ", vi: "bình thường", "zh-Hans": "正常", "zh-Hant": "正常", ko: "평소대로", ne: "सामान्य" },
  reduced: {
    "ja-x-easy": "時間[じかん]が 短[みじか]い",
    vi: "rút ngắn giờ",
    "zh-Hans": "缩短时间",
    "zh-Hant": "縮短時間",
    ko: "시간 단축",
    ne: "समय घटाइएको",
  },
  suspended: { "ja-x-easy": "休[やす]み", vi: "tạm ngừng", "zh-Hans": "暂停", "zh-Hant": "暫停", ko: "중지", ne: "स्थगित" },
  online_only: {
    "ja-x-easy": "インターネットだけ",
    vi: "chỉ trực tuyến",
    "zh-Hans": "仅限网上",
    "zh-Hant": "僅限網路",
    ko: "온라인만",
    ne: "अनलाइन मात्र",
  },
  extended: {
    "ja-x-easy": "時間[じかん]を 長[なが]く しています",
    vi: "mở thêm giờ",
    "zh-Hans": "临时开设・延长",
    "zh-Hant": "臨時開設・延長",
    ko: "임시 개설·연장",
    ne: "थप समय खुला",
  },
});

export const channelGlossary = withOthers(channelWords, {
  counter: {
    "ja-x-easy": "区役所[くやくしょ]の 窓口[まどぐち]",
    vi: "quầy tại văn phòng quận",
    "zh-Hans": "区政府窗口",
    "zh-Hant": "區公所窗口",
    ko: "구청 창구",
    ne: "वडा कार्यालयको काउन्टर",
  },
  branch_office: {
    "ja-x-easy": "出張所[しゅっちょうじょ]",
    vi: "văn phòng chi nhánh",
    "zh-Hans": "区政府分所",
    "zh-Hant": "區公所分所",
    ko: "출장소",
    ne: "शाखा कार्यालय",
  },
  convenience_store: {
    "ja-x-easy": "コンビニ",
    vi: "cửa hàng tiện lợi",
    "zh-Hans": "便利店",
    "zh-Hant": "便利商店",
    ko: "편의점",
    ne: "कन्भिनियन्स स्टोर",
  },
  online: {
    "ja-x-easy": "インターネット（マイナポータル）",
    vi: "trực tuyến (Mynaportal)",
    "zh-Hans": "网上申请（Mynaportal）",
    "zh-Hant": "網路申請（Mynaportal）",
    ko: "온라인 신청(마이나포털)",
    ne: "अनलाइन (Mynaportal)",
  },
  phone: { "ja-x-easy": "電話[でんわ]", vi: "điện thoại", "zh-Hans": "电话", "zh-Hant": "電話", ko: "전화", ne: "फोन" },
});

export const useGlossary = withOthers(useTerms, {
  open: {
    "ja-x-easy": "いつもと 同[おな]じ",
    vi: "mở cửa bình thường",
    "zh-Hans": "正常开放",
    "zh-Hant": "正常開放",
    ko: "평소대로 개관",
    ne: "सामान्य रूपमा खुला",
  },
  reduced_hours: {
    "ja-x-easy": "開[あ]いている 時間[じかん]が 短[みじか]い",
    vi: "rút ngắn giờ mở cửa",
    "zh-Hans": "缩短开放时间",
    "zh-Hant": "縮短開放時間",
    ko: "개관 시간 단축",
    ne: "खुल्ने समय घटाइएको",
  },
  capacity_limited: {
    "ja-x-easy": "入[はい]れる 人[ひと]の 数[かず]が 決[き]まっています",
    vi: "giới hạn số người",
    "zh-Hans": "限制人数",
    "zh-Hant": "限制人數",
    ko: "인원 제한",
    ne: "मानिसको संख्या सीमित",
  },
  reservation_only: {
    "ja-x-easy": "予約[よやく]が 必要[ひつよう]",
    vi: "chỉ khi đặt trước",
    "zh-Hans": "需预约",
    "zh-Hant": "需預約",
    ko: "예약제",
    ne: "पहिले बुकिङ चाहिन्छ",
  },
  partly_closed: {
    "ja-x-easy": "一部[いちぶ] 休[やす]み",
    vi: "đóng cửa một phần",
    "zh-Hans": "部分暂停",
    "zh-Hant": "部分暫停",
    ko: "일부 중지",
    ne: "आंशिक रूपमा बन्द",
  },
  closed: { "ja-x-easy": "休[やす]み", vi: "đóng cửa", "zh-Hans": "闭馆", "zh-Hant": "閉館", ko: "휴관", ne: "बन्द" },
});

/** A term of one table in one language; a key the table lacks reads as itself (data from outside the list). */
export const glossaryWord = (table: Record<string, Term>, key: string | null | undefined, lang: ResidentLang): string =>
  key && Object.hasOwn(table, key) ? table[key][lang] : (key ?? "");
