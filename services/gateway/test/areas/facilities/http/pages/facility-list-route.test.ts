import pino from "pino";
import { FacilityUse, ShelterOperation } from "@crisis/platform/contracts";
import { unaryHandler } from "@crisis/platform";
import { Facility } from "@crisis/platform/contracts/facilities";
import { NatsServerHandle, startNatsServer } from "@crisis/platform/testing";
import { LocalIdp, startLocalIdp } from "../../../../adapters/auth/local-idp";
import { GatewayUnderTest, startGateway } from "../../../../adapters/gateway-under-test";

const library = Facility.fromPartial({
  id: "ref:library-1",
  name: "熊本市立図書館",
  nameEn: "Kumamoto City Library",
  category: "library",
  ward: "中央区",
  use: FacilityUse.FACILITY_USE_CLOSED,
  reasons: ["設備点検"],
  statusSince: "2026-07-28T07:00:00.000Z",
});
const school = Facility.fromPartial({
  id: "ref:school-1",
  name: "熊本市立北部中学校",
  category: "school",
  ward: "北区",
  designatedShelter: true,
  canShelter: true,
  use: FacilityUse.FACILITY_USE_OPEN,
  shelter: ShelterOperation.SHELTER_OPERATION_NOT_OPENED,
});

const logger = pino({ level: "silent" });

/** Every facility on a page of its own, `/facilities`; the status page links to it instead of carrying the list. */
describe("the list of every facility", () => {
  const facilities = {
    listFacilities: unaryHandler(logger, "ListFacilities", async () => ({ facilities: [library, school], nextCursor: "", total: 2 })),
  };
  let nats: NatsServerHandle;
  let idp: LocalIdp;
  let gw: GatewayUnderTest;
  /** Each row of the list: its link and its state with the badge's words, as the page draws them. */
  const rows = (page: string) =>
    [
      ...page.matchAll(
        /<li data-id="([^"]+)" data-state="([^"]+)">\s*<a href="([^"]+)">([^<]+)<\/a> <span class="status status-\2">([^<]+)<\/span>/g,
      ),
    ].map((m) => ({ id: m[1], state: m[2], href: m[3], name: m[4], badge: m[5] }));

  beforeAll(async () => {
    [nats, idp] = await Promise.all([startNatsServer(), startLocalIdp()]);
    gw = await startGateway(nats, idp, { facilities: facilities as never, registry: [library, school] });
  });
  afterAll(async () => {
    await gw.stop();
    await Promise.all([nats.stop(), idp.stop()]);
  });

  it("lists every facility by category with its state, each linking to its page, in Japanese", async () => {
    const res = await gw.call("GET", "/facilities");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("content-language")).toBe("ja");
    expect(res.headers.get("cache-control")).toBe("no-cache");
    expect(res.headers.get("vary")).toMatch(/^cookie, accept-language/);
    expect(res.text).toContain('<html lang="ja">');
    expect(res.text).toMatch(/<h1 id="facilities-title">すべての施設（2）<\/h1>/);
    expect(rows(res.text)).toEqual([
      { id: "ref:school-1", state: "normal", href: "/facilities/ref%3Aschool-1", name: "熊本市立北部中学校", badge: "通常どおり" },
      { id: "ref:library-1", state: "closed", href: "/facilities/ref%3Alibrary-1", name: "熊本市立図書館", badge: "休館" },
    ]);
    expect(res.text).toMatch(/<h2 class="category">学校<\/h2>[^]*北部中学校[^]*<h2 class="category">図書館<\/h2>[^]*熊本市立図書館/);
    expect(res.text).toContain("設備点検");
    // The list is the page's live part: the page script swaps #facilities when the status changes.
    expect(res.text).toContain('<section id="facilities"');
    expect(res.text).toContain('"page":"facilities"');
  });

  it("speaks English with ?lang=en, names from the registry's English where there is one", async () => {
    const res = await gw.call("GET", "/facilities?lang=en");
    expect(res.headers.get("content-language")).toBe("en");
    expect(res.text).toContain('<html lang="en">');
    expect(res.text).toMatch(/<h1 id="facilities-title">All facilities \(2\)<\/h1>/);
    expect(rows(res.text).map((r) => [r.name, r.state, r.badge])).toEqual([
      ["熊本市立北部中学校", "normal", "open as usual"],
      ["Kumamoto City Library", "closed", "closed"],
    ]);
    expect(res.text).toMatch(/<h2 class="category">school<\/h2>[^]*<h2 class="category">library<\/h2>/);
  });

  it("falls back to Japanese, offering English, for a language the hub lacks, as the status page does", async () => {
    const list = await gw.call("GET", "/facilities?lang=xx");
    const status = await gw.call("GET", "/?lang=xx");
    expect(list.headers.get("content-language")).toBe("ja");
    expect(list.text).toContain('<html lang="ja">');
    expect(list.text).toContain('<p class="fallback" lang="en">');
    expect(status.text).toContain('<p class="fallback" lang="en">');
  });

  it("leaves the status page the facilities that changed and a link to the whole list", async () => {
    const page = (await gw.call("GET", "/")).text;
    expect(page).not.toContain('id="all-facilities"');
    expect(page).toContain('<a href="/facilities">すべての施設（2）</a>');
    const changed = /<section id="facilities"[^]*?<\/section>/.exec(page)?.[0] ?? "";
    expect(rows(changed).map((r) => r.id)).toEqual(["ref:library-1"]);
  });
});

/** A playbook records its reasons in Japanese; a resident reads them in their language, a staff member's own words as written. */
describe("the reasons in the list, in the reader's language", () => {
  const shelter = Facility.fromPartial({
    ...school,
    shelter: ShelterOperation.SHELTER_OPERATION_OPEN,
    reasons: ["避難所開設（地震）"],
    statusSince: "2026-07-28T07:00:00.000Z",
  });
  const facilities = {
    listFacilities: unaryHandler(logger, "ListFacilities", async () => ({ facilities: [library, shelter], nextCursor: "", total: 2 })),
  };
  let nats: NatsServerHandle;
  let idp: LocalIdp;
  let gw: GatewayUnderTest;
  const reasonOf = (page: string, id: string) => new RegExp(`<li data-id="${id}"[^]*?<span class="reason">([^]*?)</span>`).exec(page)?.[1];

  beforeAll(async () => {
    [nats, idp] = await Promise.all([startNatsServer(), startLocalIdp()]);
    gw = await startGateway(nats, idp, { facilities: facilities as never, registry: [library, shelter] });
  });
  afterAll(async () => {
    await gw.stop();
    await Promise.all([nats.stop(), idp.stop()]);
  });

  it("says a playbook's reason in English, and leaves a staff member's reason as written", async () => {
    const page = (await gw.call("GET", "/facilities?lang=en")).text;
    expect(reasonOf(page, "ref:school-1")).toBe("shelter opened (earthquake)");
    // Set off from the ordinary use by the language's separator, not run together ("closed shelter opened").
    expect(page).toMatch(/<span class="use">[^<]*<\/span>; <span class="reason">shelter opened \(earthquake\)/);
    expect(page).not.toContain("避難所開設");
    expect(reasonOf(page, "ref:library-1")).toBe("設備点検");
  });

  it("keeps the Japanese as recorded, and gives easy Japanese its furigana", async () => {
    expect(reasonOf((await gw.call("GET", "/facilities?lang=ja")).text, "ref:school-1")).toBe("避難所開設（地震）");
    expect(reasonOf((await gw.call("GET", "/facilities?lang=ja-x-easy")).text, "ref:school-1")).toBe(
      "<ruby>避難所<rt>ひなんじょ</rt></ruby>が <ruby>開<rt>あ</rt></ruby>きました（<ruby>地震<rt>じしん</rt></ruby>）",
    );
  });

  it("says it in the language of a facility's own page", async () => {
    const page = (await gw.call("GET", "/facilities/ref%3Aschool-1?lang=vi")).text;
    expect(page).toMatch(/<dd>nơi lánh nạn đã mở \(động đất\)<\/dd>/);
  });
});
