import { Incident, Mode, ModeLevel } from "@crisis/platform/contracts";
import { CapMessage, capDocument } from "../../../../src/areas/status/domain/cap";
import { FacilityRow } from "../../../../src/areas/status/domain/status-view";

const closedShelter = (id: string, name: string, reason: string): FacilityRow => ({
  id,
  name,
  category: "school",
  ward: "中央区",
  address: "",
  designatedShelter: true,
  status: "normal",
  statusReason: reason,
  statusSince: null,
  use: null,
  shelter: "closed",
  reasons: [reason],
  latitude: 0,
  longitude: 0,
});

const message: CapMessage = {
  id: "c1",
  identifier: "kumamoto-1",
  sent: "2026-07-28T07:30:00.000Z",
  msgType: "Alert",
  references: [],
  mode: Mode.fromPartial({ incident: Incident.INCIDENT_EARTHQUAKE, level: ModeLevel.MODE_LEVEL_ALERT }),
  headline: { ja: "地震", en: "earthquake" },
};

const description = (lang: string) => {
  const closed = [
    closedShelter("a", "熊本市立白川小学校", "避難所閉鎖（地震 警戒体制）"),
    closedShelter("b", "熊本市立碩台小学校", "天井材が落下"),
  ];
  const infos = capDocument(message, "city", [], "https://example.test/alerts/c1", closed).alert.info as {
    language: string;
    description: string;
  }[];
  return infos.find((i) => i.language === lang)!.description;
};

describe("a CAP alert's closed shelters", () => {
  it("gives a playbook's reason in the info's language and a staff member's as written", () => {
    expect(description("en-US")).toContain("(shelter closed (earthquake, alert))");
    expect(description("en-US")).toContain("(天井材が落下)");
    expect(description("ja-JP")).toContain("（避難所閉鎖（地震 警戒体制））");
  });
});
