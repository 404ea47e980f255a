import { Incident, Mode, ModeLevel } from "@crisis/platform/contracts";
import { planForMode } from "../../src/app/plan-for-mode";
import { generateCity } from "../../src/domain";

const roster = generateCity({ seed: 7, staffCount: 1500 });
const mode = (incident: Incident, level: ModeLevel, wards: string[] = []): Mode => ({
  incident,
  level,
  wards,
  reason: "",
  declaredBy: "m",
  declaredAt: "2026-07-28T07:27:00Z",
});

describe("planning emergency posts when a mode is declared", () => {
  it("plans nothing in normal mode or for a pandemic", async () => {
    expect(await planForMode(roster, undefined)).toMatchObject({ staff: roster.staff.length, posts: 0 });
    expect(await planForMode(roster, mode(Incident.INCIDENT_PANDEMIC, ModeLevel.MODE_LEVEL_EMERGENCY))).toMatchObject({ posts: 0 });
  });

  it("staffs the earthquake's first-day posts for a declaration in one ward only, plus the city call centre", async () => {
    const whole = await planForMode(roster, mode(Incident.INCIDENT_EARTHQUAKE, ModeLevel.MODE_LEVEL_EMERGENCY));
    const kita = await planForMode(roster, mode(Incident.INCIDENT_EARTHQUAKE, ModeLevel.MODE_LEVEL_EMERGENCY, ["北区"]));
    expect(kita.posts).toBeGreaterThan(0);
    expect(kita.posts).toBeLessThan(whole.posts);
    expect(kita.positionsCovered).toBeGreaterThan(0);
    expect(kita.positionsCovered).toBeLessThanOrEqual(kita.positionsRequired);
  });
});
