import { BrowserSubscription } from "@crisis/platform/testing";
import { Harness, eventually, startHarness } from "./harness";
import { launchBrowser } from "./pages/browser";

interface Team {
  id: string;
  letter: string;
  staffIds: string[];
}

/**
 * Done when of the continuity teams issue (23), on a real nats-server: a team plan made and applied;
 * one team declared out, its members told to stay home and the others their office days by push;
 * the plan in force keeps every post it could cover; the console's view says the floors still hold,
 * and, with the second team out too, exactly which does not.
 */
describe("continuity teams: a team out keeps the counters open", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.stop());

  it("story: 北区 floods and a plan is in force; an officer splits a department into two teams and applies it; team A has a positive case and goes out; its members stay home, team B comes in every day, A's posts are re-planned, the console shows the floors held; B goes out too and the console names the floor not met; A comes back early", async () => {
    const manager = { authorization: `Bearer ${await h.token("manager")}` };
    const officer = { authorization: `Bearer ${await h.token("staffing_officer")}` };
    expect(
      (await h.api("POST", "/api/v1/mode", { incident: "flood", level: "emergency", wards: ["北区"], reason: "白川氾濫" }, manager)).status,
    ).toBe(201);
    await eventually(
      async () => ((await h.api("GET", "/api/v1/staffing/summary", undefined, manager)).body.shelters?.length ?? 0) > 0,
      "staffing planned 北区's opened shelters",
      90_000,
      500,
    );
    const plan = (await h.api("POST", "/api/v1/staffing/plans", {}, officer)).body;
    expect((await h.api("POST", `/api/v1/staffing/plans/${plan.id}/apply`, {}, officer)).status).toBe(200);
    const onPosts = new Set<string>(plan.changes.filter((c: { to: string | null }) => c.to).map((c: { staffId: string }) => c.staffId));
    const coveredBefore = (await h.api("GET", "/api/v1/staffing/coverage", undefined, officer)).body.positionsCovered;

    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo" }).format(new Date());
    // Every department at 2 teams of at least 3 people at their desks, proposed only: the department
    // whose team holds the most posts of the plan in force is the one to split.
    const proposal = await h.api(
      "POST",
      "/api/v1/staffing/teams",
      { everyDepartment: { teams: 2, headcount: 3 }, firstDay: today },
      officer,
    );
    expect(proposal.status).toBe(200);
    const held = (t: Team) => t.staffIds.filter((id) => onPosts.has(id)).length;
    const department = proposal.body.departments
      .filter((d: { teams: Team[] }) => d.teams.every((t) => t.staffIds.length >= 6))
      .sort((a: { teams: Team[] }, b: { teams: Team[] }) => Math.max(...b.teams.map(held)) - Math.max(...a.teams.map(held)))[0];
    expect(Math.max(...department.teams.map(held))).toBeGreaterThan(0);

    // A department the floor cannot split is named with its floor, instead of a weaker split.
    const impossible = await h.api(
      "POST",
      "/api/v1/staffing/teams",
      { departments: [{ department: department.department, teams: 3, headcount: 100_000 }], firstDay: today },
      officer,
    );
    expect(impossible.body.departments).toEqual([]);
    expect(impossible.body.short).toEqual([expect.objectContaining({ department: department.department, skill: null, minimum: 100_000 })]);
    expect(impossible.body.short[0].explanation).toContain("short by");

    const applied = await h.api(
      "POST",
      "/api/v1/staffing/teams",
      { departments: [{ department: department.department, teams: 2, unit: "day", headcount: 3 }], firstDay: today, apply: true },
      officer,
    );
    expect(applied.body).toMatchObject({ applied: true, short: [] });
    const teams: Team[] = applied.body.departments[0].teams;
    for (const t of applied.body.departments[0].teams) for (const m of t.margins) expect(m.margin).toBeGreaterThanOrEqual(0);
    const [out, other] = [...teams].sort((a, b) => held(b) - held(a));
    const console1 = (await h.api("GET", "/api/v1/staffing/teams", undefined, manager)).body;
    expect(console1.departments.find((d: { department: string }) => d.department === department.department)).toMatchObject({
      floorsMet: true,
      today: { out: 0 },
    });

    // Phones of two of the out team and one of the other team follow their own staff topic.
    const phones = new Map<string, BrowserSubscription>();
    for (const staffId of [out.staffIds[0]!, out.staffIds[1]!, other.staffIds[0]!]) {
      const phone = h.pushService.subscribe();
      expect(
        (await h.api("POST", "/api/v1/subscriptions", { subscription: phone.json, topics: [`staff:${staffId}`], lang: "ja" })).status,
      ).toBe(201);
      phones.set(staffId, phone);
    }
    const until = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const declared = await h.api("POST", `/api/v1/staffing/teams/${out!.id}/out`, { reason: "陽性者と濃厚接触者", until }, officer);
    expect(declared.status).toBe(200);
    // The made-up city leaves thousands at their desks: every post the out team held is covered again.
    expect(declared.body).toMatchObject({ teamId: out!.id, shortFloors: [], postsReplaced: held(out!), postsOpen: 0 });
    expect((await h.api("GET", "/api/v1/staffing/coverage", undefined, officer)).body.positionsCovered).toBe(coveredBefore);

    const pushesTo = (staffId: string) => h.pushService.messagesFor(phones.get(staffId)!.id).map((m) => JSON.parse(m.text));
    await eventually(
      async () => [...phones.keys()].every((id) => pushesTo(id).length > 0),
      "every phone got its rota notice",
      120_000,
      500,
    );
    for (const id of [out.staffIds[0]!, out.staffIds[1]!])
      expect(pushesTo(id)[0]).toMatchObject({ title: "熊本市 班体制の出勤日", body: expect.stringContaining("自宅待機") });
    expect(pushesTo(other.staffIds[0]!)[0].body).toContain("出勤日は");

    const mine = async (staffId: string) =>
      (await h.api("GET", "/api/v1/staff/me/team", undefined, { authorization: `Bearer ${await h.token("staff", staffId)}` })).body.team;
    expect(await mine(out.staffIds[0]!)).toMatchObject({ id: out!.id, out: { until: new Date(until).toISOString() }, officeDays: [] });
    expect((await mine(other.staffIds[0]!)).officeDays.slice(0, 3)).toHaveLength(3);
    const console2 = (await h.api("GET", "/api/v1/staffing/teams", undefined, officer)).body;
    const view2 = console2.departments.find((d: { department: string }) => d.department === department.department);
    expect(view2).toMatchObject({
      floorsMet: true,
      shortFloors: [],
      today: { office: other.staffIds.length, out: out.staffIds.length },
    });

    // Extended, then the second team out too: the console names the floor no team in can hold.
    const later = new Date(Date.now() + 5 * 86_400_000).toISOString();
    expect(
      (await h.api("POST", `/api/v1/staffing/teams/${out!.id}/out`, { reason: "陽性者と濃厚接触者", until: later }, officer)).body.until,
    ).toBe(new Date(later).toISOString());
    const second = await h.api("POST", `/api/v1/staffing/teams/${other!.id}/out`, { reason: "陽性者", until }, officer);
    expect(second.body.shortFloors[0]).toContain("(−3)");
    const view3 = (await h.api("GET", "/api/v1/staffing/teams", undefined, manager)).body.departments.find(
      (d: { department: string }) => d.department === department.department,
    );
    expect(view3).toMatchObject({ floorsMet: false, shortFloors: [expect.stringContaining("0 / 3 (−3)")] });

    // The console in Chromium names that floor; the out member's staff page says to stay home.
    const browser = await launchBrowser(h.base);
    try {
      const consolePage = await browser.context.newPage();
      await consolePage.goto(`${h.base}/console?lang=ja`);
      await consolePage.setExtraHTTPHeaders({ authorization: `Bearer ${await h.token("manager")}` });
      await consolePage.reload();
      const short = consolePage.locator(`#teams [data-department="${department.department}"] .floors-short`);
      await short.waitFor();
      expect(await short.textContent()).toBe(`最低人数を満たせません: ${view3.shortFloors[0]}`);
      expect(await short.textContent()).not.toMatch(/[a-z]{3}/);
      const staffPage = await browser.context.newPage();
      await staffPage.goto(`${h.base}/staff?lang=ja`);
      await staffPage.setExtraHTTPHeaders({ authorization: `Bearer ${await h.token("staff", out.staffIds[0]!)}` });
      await staffPage.reload();
      const home = staffPage.locator("#my-team-body .stay-home");
      await home.waitFor();
      expect(await home.textContent()).toContain("あなたの班は自宅待機です");
    } finally {
      await browser.close();
    }

    // A comes back early: the floors hold again.
    expect((await h.api("DELETE", `/api/v1/staffing/teams/${out!.id}/out`, undefined, officer)).body).toEqual({
      teamId: out!.id,
      ended: true,
    });
    const view4 = (await h.api("GET", "/api/v1/staffing/teams", undefined, manager)).body.departments.find(
      (d: { department: string }) => d.department === department.department,
    );
    expect(view4.floorsMet).toBe(true);
    // The other team comes back from the officer's console: the panel says so and the team is in again.
    const again = await launchBrowser(h.base);
    try {
      const officerPage = await again.context.newPage();
      await officerPage.goto(`${h.base}/console?lang=ja`);
      await officerPage.setExtraHTTPHeaders(officer);
      await officerPage.reload();
      await officerPage.locator(`#teams button[data-team="${other.id}"]`).click();
      await officerPage.locator("#teams-result", { hasText: `${other.id}: 復帰しました` }).waitFor();
      await officerPage.locator(`#teams tr[data-team="${other.id}"] button`).waitFor({ state: "detached" });
    } finally {
      await again.close();
    }
    const csv = await fetch(`${h.base}/api/v1/staffing/teams/rota.csv?days=3`, { headers: officer });
    expect(await csv.text()).toContain(`${today},${department.department}`);
  }, 400_000);
});
