import pino from "pino";
import { AppError, Incident, Mode, ModeLevel, ShelterOperation, guidanceToWire } from "@crisis/platform/contracts";
import { streams, unaryHandler } from "@crisis/platform";
import { NatsServerHandle, startNatsServer } from "@crisis/platform/testing";
import { LocalIdp, startLocalIdp } from "../../auth/local-idp";
import { GatewayUnderTest, startGateway } from "../../gateway-under-test";
import { moritoPlaza } from "../../../support/gateway";

const logger = pino({ level: "silent" });
const shelter = moritoPlaza({ shelter: ShelterOperation.SHELTER_OPERATION_NOT_OPENED });
const quakeLines = guidanceToWire({
  ja: ["強い余震が続きます。", "家族の安否は災害用伝言ダイヤル 171 で。"],
  "ja-x-easy": ["強[つよ]い 余震[よしん]が 続[つづ]いて います。", "災害用伝言[さいがいようでんごん]ダイヤル 171"],
  en: ["Strong aftershocks continue.", "Tell your family you are safe with the Disaster Emergency Message Dial 171."],
  vi: ["Dư chấn mạnh vẫn đang tiếp diễn.", "Hãy báo tin an toàn cho gia đình qua Dịch vụ nhắn tin khi có thảm họa 171."],
  "zh-Hans": ["强烈余震仍在持续。", "可以通过灾害留言拨号 171 与家人互报平安。"],
  "zh-Hant": ["強烈餘震仍在持續。", "可以透過災害留言撥號 171 與家人互報平安。"],
  ko: ["강한 여진이 계속되고 있습니다.", "재해용 전언 다이얼 171로 가족과 안부를 주고받을 수 있습니다."],
  ne: ["बलिया पराकम्पन जारी छन्।", "विपद् सन्देश डायल 171 बाट परिवारलाई आफू सुरक्षित भएको खबर दिन सकिन्छ।"],
});

/** The status page asks facilities what to do now under the declared mode, and shows it after the mode line. */
describe("what to do now on the status page", () => {
  const asked: Mode[] = [];
  let answer: "lines" | "fail" = "lines";
  const facilities = {
    listFacilities: unaryHandler(logger, "ListFacilities", async () => ({ facilities: [shelter], nextCursor: "", total: 1 })),
    previewMode: unaryHandler(logger, "PreviewMode", async () => ({})),
    getGuidance: unaryHandler(logger, "GetGuidance", async (req: { mode?: Mode }) => {
      asked.push(req.mode!);
      if (answer === "fail") throw new AppError("PLAYBOOKS_NOT_LOADED", 503, "no playbooks");
      return quakeLines;
    }),
  };
  let nats: NatsServerHandle;
  let idp: LocalIdp;
  let gw: GatewayUnderTest;
  const manager = { roles: ["manager" as const], sub: "m@city" };
  const sectionOf = (page: string) => /<section id="guidance"[^]*?<\/section>/.exec(page)?.[0] ?? "";

  beforeAll(async () => {
    [nats, idp] = await Promise.all([startNatsServer(), startLocalIdp()]);
    gw = await startGateway(nats, idp, { facilities: facilities as never, registry: [shelter] });
  });
  beforeEach(async () => {
    asked.splice(0);
    answer = "lines";
    await gw.backbone.jsm.streams.purge(streams.mode.name);
  });
  afterAll(async () => {
    await gw.stop();
    await Promise.all([nats.stop(), idp.stop()]);
  });

  it("asks nothing and shows no guidance while the city has declared nothing", async () => {
    const page = await gw.call("GET", "/");
    expect(page.status).toBe(200);
    expect(sectionOf(page.text)).toBe('<section id="guidance" hidden></section>');
    expect(asked).toEqual([]);
  });

  it("shows the declaration's guidance in the page's language, right after the mode line and before the shelters", async () => {
    const declared = await gw.call("POST", "/api/v1/mode", {
      body: { incident: "earthquake", level: "emergency", wards: [], reason: "震度6強" },
      as: manager,
    });
    expect(declared.status).toBe(201);

    const ja = (await gw.call("GET", "/")).text;
    expect(asked[0]).toMatchObject({ incident: Incident.INCIDENT_EARTHQUAKE, level: ModeLevel.MODE_LEVEL_EMERGENCY });
    expect(sectionOf(ja)).toMatch(
      /<h2 id="guidance-title">いま、すること<\/h2>\s*<ul>\s*<li>強い余震が続きます。<\/li>\s*<li>家族の安否は災害用伝言ダイヤル 171 で。<\/li>/,
    );
    const order = ['id="mode"', 'id="guidance"', 'id="shelters"', 'id="crowding"', 'id="services"', 'id="shelter-lists"', 'id="subscribe"'];
    const at = order.map((id) => ja.indexOf(id));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);

    const english = await gw.call("GET", "/?lang=en");
    // The service worker keeps a copy per language by this header.
    expect(english.headers.get("content-language")).toBe("en");
    const en = english.text;
    expect(sectionOf(en)).toContain('<h2 id="guidance-title">What to do now</h2>');
    expect(sectionOf(en)).toContain("<li>Tell your family you are safe with the Disaster Emergency Message Dial 171.</li>");
    expect(sectionOf(en)).not.toContain("余震");
  });

  it("shows a Nepali and a Vietnamese visitor the guidance in their own language, and easy Japanese with furigana", async () => {
    await gw.call("POST", "/api/v1/mode", {
      body: { incident: "earthquake", level: "emergency", wards: [], reason: "震度6強" },
      as: manager,
    });
    const ne = sectionOf((await gw.call("GET", "/?lang=ne")).text);
    expect(ne).toMatch(/<li>बलिया पराकम्पन जारी छन्।<\/li>\s*<li>विपद् सन्देश डायल 171 बाट/);
    expect(ne).not.toContain("Strong aftershocks");
    const vi = sectionOf((await gw.call("GET", "/?lang=vi")).text);
    expect(vi).toMatch(/<li>Dư chấn mạnh vẫn đang tiếp diễn.<\/li>\s*<li>Hãy báo tin an toàn cho gia đình/);
    expect(vi).not.toContain("Strong aftershocks");
    const easy = sectionOf((await gw.call("GET", "/?lang=ja-x-easy")).text);
    expect(easy).toContain("<li><ruby>強<rt>つよ</rt></ruby>い <ruby>余震<rt>よしん</rt></ruby>が");
    expect(easy).not.toContain("[");
  });

  it("still serves the page, without the section, when facilities cannot say what to do", async () => {
    await gw.call("POST", "/api/v1/mode", {
      body: { incident: "earthquake", level: "emergency", wards: [], reason: "震度6強" },
      as: manager,
    });
    answer = "fail";
    const page = await gw.call("GET", "/");
    expect(page.status).toBe(200);
    expect(asked).toHaveLength(1);
    expect(sectionOf(page.text)).toBe('<section id="guidance" hidden></section>');
    expect(page.text).toContain('id="shelters"');
  });
});
