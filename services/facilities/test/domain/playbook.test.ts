import { FacilityStatus, Incident, Mode, ModeLevel } from "@crisis/platform/contracts";
import { Facility } from "../../src/domain/facility";
import { desiredStatus } from "../../src/domain/playbook";

const school: Facility = {
  id: "s1",
  name: "熊本市立白川小学校",
  category: "school",
  ward: "中央区",
  address: "",
  latitude: 0,
  longitude: 0,
  designatedShelter: true,
  canShelter: true,
  ids: {},
};
const library: Facility = { ...school, id: "l1", name: "熊本市立図書館", category: "library", designatedShelter: false };
const mode = (incident: Incident, level: ModeLevel, wards: string[] = []): Mode => ({
  incident,
  level,
  wards,
  reason: "",
  declaredBy: "",
  declaredAt: "",
});

describe("the built-in playbook", () => {
  it("opens a designated shelter when an earthquake emergency is declared", () => {
    expect(desiredStatus(school, mode(Incident.INCIDENT_EARTHQUAKE, ModeLevel.MODE_LEVEL_EMERGENCY)).status).toBe(
      FacilityStatus.FACILITY_STATUS_SHELTER_OPEN,
    );
  });

  it("closes libraries in an earthquake emergency but not at alert", () => {
    expect(desiredStatus(library, mode(Incident.INCIDENT_EARTHQUAKE, ModeLevel.MODE_LEVEL_EMERGENCY)).status).toBe(
      FacilityStatus.FACILITY_STATUS_CLOSED,
    );
    expect(desiredStatus(library, mode(Incident.INCIDENT_EARTHQUAKE, ModeLevel.MODE_LEVEL_ALERT)).status).toBe(
      FacilityStatus.FACILITY_STATUS_NORMAL,
    );
  });

  it("leaves facilities outside the declared wards as they ordinarily are", () => {
    expect(desiredStatus(school, mode(Incident.INCIDENT_EARTHQUAKE, ModeLevel.MODE_LEVEL_EMERGENCY, ["北区"])).status).toBe(
      FacilityStatus.FACILITY_STATUS_NORMAL,
    );
  });

  it("opens no shelter in a pandemic, and restricts then closes libraries", () => {
    expect(desiredStatus(school, mode(Incident.INCIDENT_PANDEMIC, ModeLevel.MODE_LEVEL_EMERGENCY)).status).toBe(
      FacilityStatus.FACILITY_STATUS_NORMAL,
    );
    expect(desiredStatus(library, mode(Incident.INCIDENT_PANDEMIC, ModeLevel.MODE_LEVEL_ALERT)).status).toBe(
      FacilityStatus.FACILITY_STATUS_RESTRICTED,
    );
    expect(desiredStatus(library, mode(Incident.INCIDENT_PANDEMIC, ModeLevel.MODE_LEVEL_EMERGENCY)).status).toBe(
      FacilityStatus.FACILITY_STATUS_CLOSED,
    );
  });

  it("returns every facility to normal when the mode is stood down", () => {
    expect(desiredStatus(school, mode(Incident.INCIDENT_EARTHQUAKE, ModeLevel.MODE_LEVEL_NORMAL)).status).toBe(
      FacilityStatus.FACILITY_STATUS_NORMAL,
    );
  });
});
