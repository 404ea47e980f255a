import { noGuidance } from "@crisis/platform/contracts";
import { PublicStatus } from "../../../../src/app/read-public-status";
import { facilityPage } from "../../../../src/areas/facilities/http/pages/facility-page";
import { consolePage } from "../../../../src/areas/mode/http/pages/console-page";
import { html, raw } from "../../../../src/adapters/http/page-parts/html";
import { statusPage } from "../../../../src/areas/status/http/pages/status-page";
import { servicePage } from "../../../../src/areas/counters/http/pages/service-page";
import { PageCrowding, PageService } from "../../../../src/adapters/http/page-parts/status-figures";

const hostile = `<img src=x onerror="alert(1)">&'`;
const status = (facilityName: string, reason = ""): PublicStatus => ({
  mode: { incident: "earthquake", level: "emergency", wards: ["北区"], reason, declaredBy: "m", declaredAt: "2026-07-28T07:27:00.000Z" },
  generatedAt: "2026-07-28T07:30:00.000Z",
  facilities: [
    {
      id: "s:1",
      name: facilityName,
      category: "school",
      ward: "北区",
      address: "北区1-1",
      latitude: 32.85,
      longitude: 130.7,
      designatedShelter: true,
      status: "shelter_open",
      statusReason: "",
      statusSince: "2026-07-28T07:28:00.000Z",
      reading: {
        state: "shelter_open",
        shelterFirst: true,
        shelter: "open",
        use: "open",
        reasons: [],
        since: "2026-07-28T07:28:00.000Z",
      },
    },
  ],
});

describe("the pages' HTML", () => {
  it("escapes every interpolated value and keeps markup made by html or raw", () => {
    expect(html`<p title="${hostile}">${hostile}</p>`.text).toBe(
      `<p title="&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;">&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;</p>`,
    );
    expect(
      html`<ul>
        ${["a<", "b"].map((x) => html`<li>${x}</li>`)}${raw("<li>c</li>")}
      </ul>`.text.replace(/>\s+</g, "><"), // Prettier lays out html`` templates; only the tags matter here
    ).toBe("<ul><li>a&lt;</li><li>b</li><li>c</li></ul>");
  });

  it("never lets data text from the registry or a manager's reason become markup or script", () => {
    const page = statusPage(status(hostile, `</script><script>alert(2)</script>`), "ja", {});
    expect(page).not.toContain("<img");
    expect(page).not.toContain("<script>alert");
    expect(page).toContain("&lt;img src=x");
    expect(facilityPage(status(hostile), status(hostile).facilities[0], "en")).not.toContain("<img");
  });

  it("reads a shelter closed by staff as closed, with its reason, on its page, the status page and the console, never as open as usual", () => {
    const closed = status("くまもと森都心プラザ");
    closed.facilities[0] = {
      ...closed.facilities[0],
      status: "normal",
      reading: {
        state: "shelter_closed",
        shelterFirst: true,
        shelter: "closed",
        use: "open",
        reasons: ["余震で天井材が落下"],
        since: null,
      },
    };
    const page = facilityPage(closed, closed.facilities[0], "ja");
    expect(page).toContain('<span class="status status-shelter_closed">避難所閉鎖</span>');
    expect(page).toContain("施設の利用: 通常どおり開館");
    expect(page).toContain("余震で天井材が落下");
    expect(page).not.toContain(">通常どおり<");
    expect(facilityPage(closed, closed.facilities[0], "en")).toContain('<span class="status status-shelter_closed">shelter closed</span>');
    const statusHtml = statusPage(closed, "ja", {});
    expect(statusHtml).toMatch(/<li data-id="s:1" data-state="shelter_closed">[^]*?避難所閉鎖[^]*?余震で天井材が落下/);
    expect(statusHtml).not.toContain(">通常どおり<");
    expect(consolePage(closed, "ja")).toContain('<td class="status status-shelter_closed">避難所閉鎖</td>');
  });

  it("puts what to do now right after the mode line, in the page's language, as text, and hides it when there is none", () => {
    const guidance = {
      ...noGuidance(),
      ja: ["余震に注意", hostile],
      en: ["Mind the aftershocks", "Dial 171"],
      ne: ["पराकम्पनबाट सावधान", "171"],
    };
    const guided = { ...status("x"), guidance };
    const ja = statusPage(guided, "ja", {});
    expect(ja).toMatch(
      /<\/p>\s*<section id="guidance" class="guidance" aria-labelledby="guidance-title">\s*<h2 id="guidance-title">いま、すること<\/h2>/,
    );
    expect(ja.indexOf('id="mode"')).toBeLessThan(ja.indexOf('id="guidance"'));
    expect(ja.indexOf('id="guidance"')).toBeLessThan(ja.indexOf('id="freshness"'));
    expect(ja).toContain("<li>余震に注意</li>");
    expect(ja).not.toContain("<img");
    const en = statusPage(guided, "en", {});
    expect(en).toContain('<h2 id="guidance-title">What to do now</h2>');
    expect(en).toMatch(/<li>Mind the aftershocks<\/li>\s*<li>Dial 171<\/li>/);
    expect(statusPage(guided, "ne", {})).toMatch(/<li>पराकम्पनबाट सावधान<\/li>\s*<li>171<\/li>/);
    expect(statusPage(status("x"), "ja", {})).toContain('<section id="guidance" hidden></section>');
  });

  it("names a facility in English on English pages where the city gives an English name, in Japanese otherwise", () => {
    const named = status("熊本市立図書館");
    named.facilities[0] = { ...named.facilities[0], nameEn: "Kumamoto City Library" };
    const f = named.facilities[0];
    expect(facilityPage(named, f, "en")).toContain("<h1>Kumamoto City Library</h1>");
    expect(facilityPage(named, f, "ja")).toContain("<h1>熊本市立図書館</h1>");
    expect(statusPage(named, "en", {})).toContain('<a href="/facilities/s%3A1">Kumamoto City Library</a>');
    expect(statusPage(status("熊本市立北部中学校"), "en", {})).toContain('<a href="/facilities/s%3A1">熊本市立北部中学校</a>');
  });

  it("gives the console's shelter table what searching, filtering and confirming need, the current state's button disabled", () => {
    const page = consolePage(status("碩台小学校"), "ja");
    const row = page.match(/<tr data-id="s:1"[^]*?<\/tr>/)![0];
    expect(row).toMatch(/^<tr data-id="s:1" data-name="碩台小学校" data-ward="北区" data-shelter="open">/);
    expect(row).toMatch(/<button\s+type="button"\s+data-state="open"[^>]*\sdisabled\s*>/);
    expect(row).not.toMatch(/<button\s+type="button"\s+data-state="closed"[^>]*\sdisabled/);
    expect(page).toContain('<input id="shelter-search" type="search"');
    expect(page).toMatch(/<select id="shelter-state">[^]*?<option value="closed">閉鎖<\/option>/);
    expect(page).toMatch(/<input\s+id="shelter-reason"\s+maxlength="500"\s+required/);
    expect(page).toContain('<dialog id="shelter-confirm"');
    // The occupancy CSV is fetched with the signed-in token, not followed as a bare link (which answered 401).
    expect(page).not.toContain('href="/api/v1/shelters/history');
  });

  it("shows the mode in one line, the declaration time in Tokyo, and shelters by ward", () => {
    const page = statusPage(status("熊本市立北部中学校"), "ja", {});
    expect(page).toMatch(/<strong>地震 緊急体制<\/strong>\s*<span>（北区）<\/span>/);
    expect(page).toContain("2026/07/28 16:27 発令");
    expect(page).toMatch(/<summary>北区 <span class="count">1<\/span><\/summary>/);
    expect(page).not.toContain('id="map"');
    const english = statusPage(status("x"), "en", { tileUrl: "https://tiles.example/{z}/{x}/{y}.png" });
    expect(english).toContain("<strong>earthquake emergency</strong>");
    expect(english).toContain('data-tiles="https://tiles.example/{z}/{x}/{y}.png"');
    // The map is folded with its legend; Leaflet is not loaded until it is opened, then by hashed name.
    expect(english).toMatch(/<details id="map-box">\s*<summary>Map of shelters<\/summary>/);
    expect(english).toMatch(/<ul id="map-legend"[^]*room available[^]*busy[^]*crowded[^]*full[^]*unknown[^]*<\/ul>/);
    expect(english).not.toMatch(/<script src="[^"]*leaflet/);
    expect(english).toMatch(
      /"scripts":\["\/assets\/vendor\/leaflet\/leaflet\.[0-9a-f]{10}\.js","\/assets\/vendor\/markercluster\/leaflet\.markercluster\.[0-9a-f]{10}\.js"\]/,
    );
  });

  it("draws crowding by ward, each row's level and age, and the counters' waiting in the page, full shelters after those with room", () => {
    const two = status("碩台小学校");
    two.facilities.push({ ...two.facilities[0], id: "s:2", name: "城東小学校" });
    const report = (id: string, level: "open" | "full", headcount: number): PageCrowding => ({
      id,
      name: id,
      ward: "北区",
      open: true,
      capacity: 100,
      level,
      levelJa: level === "full" ? "満" : "空き",
      levelEn: level === "full" ? "full" : "room available",
      latest: { headcount, needs: {} as never, reportedAt: "2026-07-28T07:25:00.000Z", ageSeconds: 300, stale: false },
      link: "",
    });
    const juminhyo: PageService = {
      id: "juminhyo",
      name: "住民票",
      nameEn: "Certificate of residence",
      channels: [{ channel: "online", level: "normal", reason: null, startsAt: null, endsAt: null, source: "" }],
      waiting: { waiting: 8, nextFreeSlot: null, reportedAt: "2026-07-28T07:20:00.000Z", ageSeconds: 600, stale: false },
    } as PageService;
    const page = statusPage(
      two,
      "ja",
      {},
      { crowding: [report("s:1", "full", 100), report("s:2", "open", 10)], services: [juminhyo], position: "1-2-3" },
    );
    expect(page).toMatch(/<section id="crowding" aria-labelledby="crowding-title" >/);
    expect(page).toContain('<li data-ward="北区">北区: 空き 1 / 満 1</li>');
    expect(page).toContain('<span class="crowding" data-level="full">満 100/100 · 5 分前の報告</span>');
    // Room first: 城東小学校 (空き) is listed before the full 碩台小学校.
    expect(page.indexOf('data-id="s:2"')).toBeLessThan(page.indexOf('data-id="s:1"'));
    expect(page).toMatch(
      /<li data-service="juminhyo">\s*<a href="\/services\/juminhyo">住民票<\/a> <span class="waiting">窓口 8 人待ち（10 分前の報告）<\/span>/,
    );
    expect(page).toContain('"position":"1-2-3"');
    const english = servicePage(two, "juminhyo", "en", { service: juminhyo });
    expect(english).toContain('<h1 id="service-name">Certificate of residence</h1>');
    expect(english).toContain("<title>Certificate of residence");
    expect(servicePage(two, "nothing", "en", { service: null })).toContain("There is no such counter service.");
    // A figure from two days ago reads in hours, not as thousands of minutes.
    const old = { ...juminhyo, waiting: { ...juminhyo.waiting!, reportedAt: "2026-07-26T07:27:00.000Z", stale: true } };
    expect(servicePage(two, "juminhyo", "ja", { service: old })).toContain("48 時間 3 分前の報告");
  });
});
