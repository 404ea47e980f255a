import { catalogue } from "../../src/domain/catalogue";

describe("a followed facility's line in a push", () => {
  it("says a playbook's reason in the subscriber's language and a staff member's as written", () => {
    expect(catalogue.en.facilityNow("熊本市立図書館", "closed", null, "臨時休館（地震）")).toContain("(temporarily closed (earthquake))");
    expect(catalogue.vi.facilityNow("熊本市立図書館", "closed", null, "臨時休館（地震）")).toContain("tạm thời đóng cửa (động đất)");
    expect(catalogue["ja-x-easy"].facilityNow("熊本市立図書館", "closed", null, "臨時休館（地震）")).toContain(
      "休(やす)み（地震(じしん)）",
    );
    expect(catalogue.ja.facilityNow("熊本市立図書館", "closed", null, "臨時休館（地震）")).toContain("臨時休館（地震）");
    expect(catalogue.en.facilityNow("熊本市立図書館", "closed", null, "設備点検")).toContain("設備点検");
  });
});
