import { FacilityStatus } from "@crisis/platform/contracts";
import { FacilityStatusChanged, StaffReassigned } from "@crisis/platform/contracts/events";
import { composeAlert } from "../../src/domain/compose-alert";
import { composeStaffNotice } from "../../src/domain/compose-notice";
import { fitted, maxPayloadBytes } from "../../src/domain/payload";
import { quake } from "../examples";

const bytes = (value: object) => Buffer.byteLength(JSON.stringify(value));
// Among the longest names in the city's registry, made longer still.
const longName = "熊本市立熊本高等学校・熊本市立必由館高等学校合同避難所(第二体育館・武道場・特別教室棟)".repeat(3);
const url = "https://www.city.kumamoto.jp/kiki/status/facilities/very-long-path-segment-for-testing";

describe("a push payload stays under the 4 KB a push service takes", () => {
  it("keeps a city-wide declaration with the longest names under the limit, in both languages", () => {
    const changes = Array.from({ length: 209 }, (_, i) =>
      FacilityStatusChanged.fromPartial({
        facilityId: `f${i}`,
        facilityName: `${longName}${i}`,
        ward: ["中央区", "東区", "西区", "南区", "北区"][i % 5],
        category: i % 2 ? "library" : "school",
        status: i % 2 ? FacilityStatus.FACILITY_STATUS_CLOSED : FacilityStatus.FACILITY_STATUS_SHELTER_OPEN,
        previousStatus: FacilityStatus.FACILITY_STATUS_NORMAL,
      }),
    );
    for (const lang of ["ja", "en"] as const) {
      const message = composeAlert("a".repeat(40), quake, changes, lang, url)!;
      expect(bytes(message)).toBeLessThanOrEqual(maxPayloadBytes);
      expect(message.body).toContain(longName);
    }
  });

  it("shortens a staff notice with overlong place and duty names, keeping its title and page", () => {
    const event = StaffReassigned.fromPartial({
      eventId: "e",
      noticeId: "n",
      staffId: "S-1",
      place: longName.repeat(10),
      duty: longName.repeat(10),
      startsAt: "2026-07-28T09:00:00Z",
      reportTo: longName,
    });
    const message = composeStaffNotice({ kind: "reassigned", event }, "ja", url);
    expect(bytes(message)).toBeLessThanOrEqual(maxPayloadBytes);
    expect(message.title).toBe("熊本市 職員配置の通知");
    expect(message.url).toBe(`${url}/notices/n`);
    expect(message.body.endsWith("…")).toBe(true);
  });

  it("leaves a message that fits as it is", () => {
    const message = { alertId: "a", lang: "ja" as const, title: "t", body: "短い本文", url, tag: "a" };
    expect(fitted(message)).toEqual(message);
  });
});
