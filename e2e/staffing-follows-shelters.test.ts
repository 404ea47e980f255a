import { Harness, eventually, startHarness } from "./harness";
import { bearer, declare } from "./support/api";

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
    const manager = await bearer(h, "manager");
    await declare(h, { incident: "flood", level: "emergency", wards: ["北区"], reason: "白川氾濫危険" }, manager);

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

    await declare(h, { incident: "flood", level: "normal", reason: "水位低下" }, manager);
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

  it("lets a staffing officer propose a plan for 南区's shelters, apply it once, and refuses a plan made before the stand-down", async () => {
    const manager = await bearer(h, "manager");
    const officer = await bearer(h, "staffing_officer");
    const staff = await bearer(h, "staff");
    expect((await h.api("POST", "/api/v1/staffing/plans", {}, staff)).status).toBe(403);
    await declare(h, { incident: "earthquake", level: "emergency", wards: ["南区"], reason: "震度5強" }, manager);
    await eventually(
      async () => {
        const summary = (await h.api("GET", "/api/v1/staffing/summary", undefined, manager)).body;
        return summary.shelters?.length > 0 && summary.shelters.every((s: { ward: string }) => s.ward === "南区");
      },
      "staffing planned 南区's shelters",
      90_000,
      500,
    );

    const proposed = await h.api("POST", "/api/v1/staffing/plans", {}, officer);
    expect(proposed.status).toBe(200);
    const plan = proposed.body;
    expect(plan.coverage.perWard.map((c: { key: string }) => c.key)).toContain("南区");
    expect(plan.changes.length).toBe(plan.positionsCovered);
    expect(plan.openPositions.length).toBe(plan.positionsRequired - plan.positionsCovered);

    const applied = await h.api("POST", `/api/v1/staffing/plans/${plan.id}/apply`, {}, officer);
    expect(applied).toEqual({ status: 200, body: { id: plan.id, reassigned: plan.changes.length, released: 0, alreadyApplied: false } });
    const again = await h.api("POST", `/api/v1/staffing/plans/${plan.id}/apply`, {}, manager);
    expect(again.body).toEqual({ id: plan.id, reassigned: 0, released: 0, alreadyApplied: true });
    const stored = await h.nc
      .jetstreamManager()
      .then((jsm) => jsm.streams.info("CRISIS_STAFF", { subjects_filter: "crisis.staff.reassigned" }));
    expect(stored.state.subjects?.["crisis.staff.reassigned"]).toBe(plan.changes.length);

    const second = (await h.api("POST", "/api/v1/staffing/plans", {}, officer)).body;
    expect(second.changes).toEqual([]);
    await declare(h, { incident: "earthquake", level: "normal", reason: "収束" }, manager);
    await eventually(
      async () => (await h.api("GET", "/api/v1/staffing/summary", undefined, manager)).body.shelters?.length === 0,
      "staffing saw the shelters close",
      90_000,
      500,
    );
    const stale = await h.api("POST", `/api/v1/staffing/plans/${second.id}/apply`, {}, officer);
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: "PLAN_STALE", field: "planId" });
    expect(stale.body.detail).toMatch(/shelters closed/);
    expect((await h.api("POST", "/api/v1/staffing/plans/nope/apply", {}, officer)).body).toMatchObject({
      status: 404,
      code: "PLAN_NOT_FOUND",
    });
  }, 240_000);
});
