import { Incident, ModeLevel } from "@crisis/platform/contracts";
import { FacilityRow, StatusView } from "../../../../src/areas/status/domain/status-view";

const row = (over: Partial<FacilityRow>): FacilityRow => ({
  id: "x",
  name: "x",
  category: "school",
  ward: "中央区",
  address: "熊本市中央区",
  designatedShelter: true,
  status: "normal",
  statusReason: "",
  statusSince: null,
  use: "open",
  shelter: "not_opened",
  reasons: [],
  latitude: 32.8,
  longitude: 130.7,
  ...over,
});

describe("the status body's summary", () => {
  it("counts each facility by what people are told, so a closed shelter whose building is in ordinary use is not counted as 通常どおり", () => {
    const view = new StatusView();
    view.mode = {
      incident: Incident.INCIDENT_EARTHQUAKE,
      level: ModeLevel.MODE_LEVEL_EMERGENCY,
      wards: [],
      reason: "地震",
      declaredBy: "m",
      declaredAt: "2026-07-28T07:30:00Z",
    };
    view.facilities.set("a", row({ id: "a", status: "shelter_open", shelter: "open" }));
    view.facilities.set("b", row({ id: "b", status: "normal", use: "open", shelter: "closed", reasons: ["余震で天井材が落下"] }));
    view.facilities.set("c", row({ id: "c", designatedShelter: false, shelter: null, status: "normal", use: "open" }));
    expect(view.body().summary).toEqual({ shelter_open: 1, shelter_closed: 1, normal: 1 });
  });
});
