/** The little of kuroshiro (which ships no types) that name-readings.ts uses. */
declare module "kuroshiro" {
  interface ConvertOptions {
    to: "hiragana" | "katakana" | "romaji";
    mode?: "normal" | "spaced" | "okurigana" | "furigana";
    romajiSystem?: "nippon" | "passport" | "hepburn";
  }
  export default class Kuroshiro {
    init(analyzer: unknown): Promise<void>;
    convert(text: string, options: ConvertOptions): Promise<string>;
    static Util: { kanaToRomaji(kana: string, system: "nippon" | "passport" | "hepburn"): string };
  }
}
declare module "kuroshiro-analyzer-kuromoji" {
  export default class KuromojiAnalyzer {}
}
