import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import Parser from "rss-parser";
import { publishEvent, waitUntil } from "@crisis/platform";
import { FacilityStatus, ShelterOperation, eventTypes } from "@crisis/platform/contracts";
import { Gateway, facility, startGateway } from "../../../support/gateway";

const schema = join(__dirname, "..", "fixtures", "CAP-v1.2.xsd");
const dir = mkdtempSync(join(tmpdir(), "cap-"));
let files = 0;

/** Validates one message against the OASIS schema with xmllint; resolves to its stderr. */
async function validateCap(xml: string): Promise<string> {
  const file = join(dir, `alert-${++files}.xml`);
  writeFileSync(file, xml);
  const { stderr } = await promisify(execFile)("xmllint", ["--noout", "--schema", schema, file]);
  return stderr;
}

const registry = [
  facility({ id: "shelter:1", name: "五福小学校", ward: "中央区", latitude: 32.806, longitude: 130.7 }),
  facility({ id: "shelter:2", name: "託麻西小学校", ward: "東区", latitude: 32.79, longitude: 130.76 }),
];

describe("the Atom and CAP 1.2 feeds", () => {
  let gw: Gateway;
  const seen: { msgType: string; identifier: string; references: string; xml: string }[] = [];
  const field = (xml: string, name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1] ?? "";
  /** Waits until the CAP feed shows a new message, and keeps it. */
  const nextCap = async () => {
    const known = new Set(seen.map((s) => s.identifier));
    const xml = await waitUntil(async () => {
      const res = await fetch(`${gw.base}/feeds/cap.xml`);
      const text = res.status === 200 ? await res.text() : "";
      return text && !known.has(field(text, "identifier")) && text;
    }, "a new CAP message");
    const message = { msgType: field(xml, "msgType"), identifier: field(xml, "identifier"), references: field(xml, "references"), xml };
    seen.push(message);
    return message;
  };
  const declare = async (level: string, wards: string[] = []) => {
    const res = await fetch(`${gw.base}/api/v1/mode`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${await gw.token()}` },
      body: JSON.stringify({ incident: "earthquake", level, wards, reason: "M7.1 震度6強" }),
    });
    expect(res.status).toBe(201);
  };

  beforeAll(async () => (gw = await startGateway({ registry })));
  afterAll(() => gw.stop());

  it("has no CAP message before any declaration", async () => {
    await waitUntil(async () => (await fetch(`${gw.base}/api/v1/status`)).status === 200, "the status to be ready");
    const res = await fetch(`${gw.base}/feeds/cap.xml`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: "NO_ALERT" });
  });

  it("issues an Alert, Updates that reference the chain (a registry correction among them), then a Cancel, each valid CAP 1.2", async () => {
    await declare("alert", ["中央区"]);
    const alert = await nextCap();
    for (const id of ["shelter:1", "shelter:2"]) {
      await publishEvent(
        gw.backbone.js,
        eventTypes.facilityStatusChanged,
        {
          ...{ eventId: `open-${id}`, facilityId: id, facilityName: "", category: "school", ward: id === "shelter:1" ? "中央区" : "東区" },
          ...{
            previousStatus: FacilityStatus.FACILITY_STATUS_NORMAL,
            status: FacilityStatus.FACILITY_STATUS_SHELTER_OPEN,
            causeEventId: "",
          },
          ...{ changedAt: "2026-07-28T07:31:00Z", reason: "地震", previousUse: 1, use: 1, previousShelter: 1 },
          ...{ shelter: ShelterOperation.SHELTER_OPERATION_OPEN, source: 1, reasons: ["地震"], latitude: 0, longitude: 0, address: "" },
        },
        { eventId: `open-${id}`, correlationId: "c" },
      );
    }
    await declare("emergency");
    const escalation = await nextCap();
    await publishEvent(
      gw.backbone.js,
      eventTypes.facilityCorrected,
      {
        eventId: "fix-1",
        facilityId: "shelter:2",
        facilityName: "託麻西小学校",
        ward: "東区",
        fields: ["address"],
        correctedBy: "admin@city",
        correctedAt: "2026-07-28T08:00:00Z",
        reason: "番地の誤り",
      },
      { eventId: "fix-1", correlationId: "c" },
    );
    const correction = await nextCap();
    await declare("normal");
    const cancel = await nextCap();

    expect([alert, escalation, correction, cancel].map((m) => m.msgType)).toEqual(["Alert", "Update", "Update", "Cancel"]);
    expect(alert.references).toBe("");
    expect(escalation.references).toContain(alert.identifier);
    expect(correction.references).toContain(alert.identifier);
    expect(correction.references).toContain(escalation.identifier);
    expect(cancel.references.split(" ")).toHaveLength(3);
    expect(correction.xml).toContain("訂正");
    expect(escalation.xml).toContain("<language>ja-JP</language>");
    expect(escalation.xml).toContain("<language>en-US</language>");
    // One <info> per resident language, each with its own <language> and words.
    expect([...escalation.xml.matchAll(/<language>([^<]+)<\/language>/g)].map((m) => m[1])).toEqual([
      "ja-JP",
      "ja-JP-x-easy",
      "en-US",
      "vi-VN",
      "zh-Hans",
      "zh-Hant",
      "ko-KR",
      "ne-NP",
    ]);
    expect(escalation.xml).toContain("<areaDesc>Quận Higashi (Higashi-ku)</areaDesc>");
    expect(escalation.xml).toContain("<areaDesc>東区(ひがしく)</areaDesc>");
    expect(escalation.xml).toContain("<senderName>구마모토시 위기관리방재총실</senderName>");
    expect(escalation.xml).toContain("<areaDesc>東区</areaDesc>");
    expect(escalation.xml).toContain("<areaDesc>Higashi Ward</areaDesc>");
    expect(escalation.xml).toContain("<circle>32.790000,130.760000 0.5</circle>");
    for (const message of seen) await expect(validateCap(message.xml)).resolves.toMatch(/validates/);
  });

  it("proves the schema check bites: a message without its sender fails validation", async () => {
    const broken = seen[0].xml.replace(/<sender>[^<]*<\/sender>/, "");
    await expect(validateCap(broken)).rejects.toThrow(/fails to validate|sender/);
  });

  it("serves Atom 1.0 with one entry per change, titled in Japanese and English, that a feed parser reads", async () => {
    const res = await fetch(`${gw.base}/feeds/status.atom`);
    expect(res.headers.get("content-type")).toMatch(/^application\/atom\+xml/);
    const feed = await new Parser().parseString(await res.text());
    expect(feed.title).toContain("Kumamoto City");
    // Three declarations, two shelters opened, one correction.
    expect(feed.items).toHaveLength(6);
    const titles = feed.items.map((i) => i.title ?? "");
    expect(titles[0]).toBe("熊本市 地震 通常体制 / Kumamoto City: earthquake, normal operations");
    expect(titles).toContain("中央区 五福小学校: 避難所開設中 / 五福小学校 (Chuo Ward): shelter open");
    expect(new Set(feed.items.map((i) => i.id)).size).toBe(6);
  });

  it("keeps every message at its own URL (its <web>), reading as it did, with its references, each valid CAP 1.2", async () => {
    const atUrl = async (web: string) => {
      const res = await fetch(web.replace("https://crisis.example.jp", gw.base));
      expect(res.headers.get("content-type")).toMatch(/^application\/cap\+xml/);
      return res.text();
    };
    const first = await Promise.all(seen.map((m) => atUrl(field(m.xml, "web"))));
    for (const [i, message] of seen.entries()) {
      expect(field(message.xml, "web")).toBe(`https://crisis.example.jp/feeds/cap/${message.identifier.split(":").at(-1)}.xml`);
      expect(field(first[i], "identifier")).toBe(message.identifier);
      expect(field(first[i], "msgType")).toBe(message.msgType);
      expect(field(first[i], "references")).toBe(message.references);
      await expect(validateCap(first[i])).resolves.toMatch(/validates/);
    }
    // The Alert named the shelter open in 中央区 when the escalation replaced it, and still does.
    expect(first[0]).toContain("<circle>32.806000,130.700000 0.5</circle>");
    await declare("watch", ["北区"]);
    await nextCap();
    expect(await Promise.all(seen.slice(0, first.length).map((m) => atUrl(field(m.xml, "web"))))).toEqual(first);
    const unknown = await fetch(`${gw.base}/feeds/cap/0-0-0.xml`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: "CAP_MESSAGE_NOT_FOUND", field: "id" });
  });
});
