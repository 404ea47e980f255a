/// <reference lib="dom" />
// Every resident understands: the emergency status page in each resident language, and a push in Vietnamese and easy Japanese.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { residentLanguages } from "@crisis/platform/contracts";
import { BrowserSubscription } from "@crisis/platform/testing";
import { eventually } from "../harness";
import { declare } from "../support/api";
import { systemAndBrowserForSuite } from "../support/pages";

// A loaded 2-core machine: every wait is on a condition, with room to spare.
jest.setTimeout(300_000);

const phone = { width: 390, height: 844 };
/** Set SCREENSHOTS_DIR (docs/screenshots) to keep the pictures of the status page in vi, ne and easy Japanese. */
const shots = process.env.SCREENSHOTS_DIR;
const kana = /[\u3041-\u3096\u30A1-\u30FA]/;

describe("the emergency status page and the pushes in every resident language", () => {
  const suite = systemAndBrowserForSuite({ viewport: phone, timeoutMs: 300_000 });

  const subscribe = async (lang: string) => {
    const browserSubscription = suite.h.pushService.subscribe();
    const res = await suite.h.api("POST", "/api/v1/subscriptions", {
      subscription: browserSubscription.json,
      topics: ["category:shelter"],
      lang,
    });
    expect(res.status).toBe(201);
    return browserSubscription;
  };
  const pushes = (b: BrowserSubscription) => suite.h.pushService.messagesFor(b.id).map((m) => JSON.parse(m.text));
  let vietnamese: BrowserSubscription;
  let easy: BrowserSubscription;

  it("refuses a subscription in a language the hub does not have, naming the field", async () => {
    const res = await suite.h.api("POST", "/api/v1/subscriptions", {
      subscription: suite.h.pushService.subscribe().json,
      topics: ["category:shelter"],
      lang: "fr",
    });
    expect(res.body).toMatchObject({ status: 422, field: "lang" });
    vietnamese = await subscribe("vi");
    easy = await subscribe("ja-x-easy");
  });

  it("sends the declaration's push in Vietnamese and in easy Japanese (decrypted with the subscriber's keys)", async () => {
    await declare(suite.h, { incident: "earthquake", level: "emergency", wards: [], reason: "M7.1 震度6強" });
    await eventually(() => pushes(vietnamese).length > 0 && pushes(easy).length > 0, "a push to each", 180_000);
    const [vi] = pushes(vietnamese);
    expect(vi).toMatchObject({ lang: "vi", title: "Thành phố Kumamoto: động đất – mức khẩn cấp" });
    expect(vi.body).toMatch(/^Đã mở 208 nơi lánh nạn — Quận Chuo \(Chuo-ku\) \d+/);
    expect(vi.body).not.toMatch(kana);
    const [ez] = pushes(easy);
    expect(ez).toMatchObject({ lang: "ja-x-easy", title: "熊本市(くまもとし) 地震(じしん) 緊急(きんきゅう)" });
    expect(ez.body).toMatch(/^避難所\(ひなんじょ\)が 208か所\(しょ\) 開\(あ\)きました。/);
  });

  it.each(residentLanguages)(
    "shows the status page in %s with no Japanese-only sentence outside names, and the names' readings",
    async (lang) => {
      await eventually(
        async () => (await suite.h.api("GET", "/api/v1/status")).body.summary?.shelter_open === 208,
        "208 shelters open",
        120_000,
      );
      const page = await suite.browser.context.newPage();
      await page.goto(`${suite.h.base}/?lang=${lang}`, { waitUntil: "domcontentloaded" });
      expect(await page.locator("html").getAttribute("lang")).toBe(lang);
      await page.locator("#crowding").waitFor({ state: "visible" });
      if (shots && ["vi", "ne", "ja-x-easy"].includes(lang)) {
        mkdirSync(shots, { recursive: true });
        await page.screenshot({ path: join(shots, `status-${lang}-phone.png`) });
      }
      // Names (facilities, services, addresses), a manager's own reason, and the language switch are data, not sentences.
      const text = await page.evaluate(() => {
        const main = document.body.cloneNode(true) as HTMLElement;
        main
          .querySelectorAll(
            "a[href^='/facilities/'], a[href^='/services/'], #services-list, .address, .reason, ruby, nav.languages, #subscribe-lang, script, noscript",
          )
          .forEach((e) => e.remove());
        return main.innerText;
      });
      const names = await page.locator("#shelter-lists a[href^='/facilities/']").allTextContents();
      expect(names.length).toBe(208);
      if (lang === "ja" || lang === "ja-x-easy") {
        expect(text).toMatch(kana);
      } else {
        // A Japanese term in brackets after its translation (「… certificate (り災証明書) …」) is not a Japanese sentence.
        const japanese = text.split("\n").filter((line) => kana.test(line.replace(/[（(][^）)]*[）)]/g, "")));
        expect(japanese).toEqual([]);
      }
      if (lang === "ja-x-easy") {
        // Every kanji name and heading read: furigana on the shelter names and in the sentences.
        expect(await page.locator("#shelter-lists a[href^='/facilities/'] ruby rt").count()).toBeGreaterThan(150);
        expect(await page.locator("#shelters-title ruby rt").allInnerTexts()).toEqual(["あ", "ひなんじょ"]);
      } else if (lang !== "ja") {
        // Romaji after the kanji name: 「三和中学校 Sanwa Chugakko」.
        expect(names.filter((name) => /[\u4E00-\u9FFF] [A-Z][a-z]+/.test(name)).length).toBeGreaterThan(150);
      }
      const switchTo = await page.locator("nav.languages a").allInnerTexts();
      expect(switchTo).toEqual(["日本語", "やさしい にほんご", "English", "Tiếng Việt", "简体中文", "繁體中文", "한국어", "नेपाली"]);
      await page.close();
    },
  );

  it("chooses the page's language from Accept-Language, and falls back to Japanese with an English note for one it lacks", async () => {
    const page = async (acceptLanguage: string) =>
      (await fetch(`${suite.h.base}/`, { headers: { "accept-language": acceptLanguage } })).text();
    expect(await page("zh-TW,zh;q=0.9")).toContain('<html lang="zh-Hant">');
    expect(await page("ne-NP")).toContain('<html lang="ne">');
    const french = await page("fr-FR");
    expect(french).toContain('<html lang="ja">');
    expect(french).toMatch(/<p class="fallback" lang="en">This page is not available in your language/);
  });
});
