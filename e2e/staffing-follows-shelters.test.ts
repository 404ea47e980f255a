import { Harness, eventually, startHarness } from "./harness";

/**
 * Facilities alone decides which shelters a declaration opens; staffing plans posts for exactly
 * those, ward by ward, whatever the incident.
 */
describe("staffing plans posts for the shelters facilities opened", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.stop());

  it("after a flood declared for 北区 alone, staffs exactly 北区's opened shelters, and none after the stand-down", async () => {
    const manager = { authorization: `Bearer ${await h.token("manager")}` };
    const declared = await h.api(
      "POST",
      "/api/v1/mode",
      { incident: "flood", level: "emergency", wards: ["北区"], reason: "白川氾濫危険" },
      manager,
    );
    expect(declared.status).toBe(201);

    // Both sides are read in one check: the shelters facilities shows open, and those staffing plans for.
    const { opened, summary } = await eventually(
      async () => {
        const status = await h.api("GET", "/api/v1/status");
        const opened = status.body.facilities.filter((f: { status: string }) => f.status === "shelter_open");
        const summary = (await h.api("GET", "/api/v1/staffing/summary", undefined, manager)).body;
        const planned = (summary.shelters ?? []).map((s: { id: string }) => s.id).sort();
        const ids = opened.map((f: { id: string }) => f.id).sort();
        return ids.length > 0 && JSON.stringify(planned) === JSON.stringify(ids) ? { opened, summary } : undefined;
      },
      "staffing plans for exactly the shelters facilities opened",
      90_000,
      500,
    );
    expect(new Set(opened.map((f: { ward: string }) => f.ward))).toEqual(new Set(["北区"]));
    expect(summary.shelters.every((s: { ward: string; posts: number }) => s.ward === "北区" && s.posts === 3)).toBe(true);
    expect(summary.positionsCovered).toBeGreaterThan(0);

    const stood = await h.api("POST", "/api/v1/mode", { incident: "flood", level: "normal", reason: "水位低下" }, manager);
    expect(stood.status).toBe(201);
    const after = await eventually(
      async () => {
        const res = await h.api("GET", "/api/v1/staffing/summary", undefined, manager);
        return res.body.shelters?.length === 0 ? res.body : undefined;
      },
      "staffing dropped the closed shelters",
      60_000,
    );
    expect(after.posts).toBe(0);
  }, 180_000);
});
