/// <reference lib="dom" />
// Each role's desk in real Chromium, on the Kumamoto data, without curl for the work itself: the
// staffing officer proposes, reviews and applies a plan and replaces someone; staff acknowledge
// and decline notices that say where, when, to whom and what to bring; a facility admin closes a
// shelter with a reason and the audit shows it. (Declaring, approving and rejecting: pages.test.ts.)
import { readFileSync } from "node:fs";
import { Page } from "playwright-core";
import { eventually } from "../harness";
import { Role } from "../../services/gateway/src/adapters/auth/tokens";
import { axeViolations, signInAs, systemAndBrowserForSuite } from "../support/pages";

jest.setTimeout(240_000);

describe("every role's desk in the console and on the staff page (real Chromium)", () => {
  const suite = systemAndBrowserForSuite();
  let officer: Page;
  const as = async (role: Role, subject?: string) => ({ authorization: `Bearer ${await suite.h.token(role, subject)}` });
  const open = async (path: string, role: Role, subject?: string) => {
    const page = await suite.browser.context.newPage();
    await page.goto(`${suite.h.base}${path}`);
    await signInAs(suite.h, page, role, subject);
    return page;
  };
  const shownPanels = (page: Page) => page.locator(".needs-token:not([hidden])").evaluateAll((s) => s.map((e) => e.id));
  const dutiesOf = async (staffId: string) =>
    (await suite.h.api("GET", "/api/v1/staff/me/duties", undefined, await as("staff", staffId))).body;

  it("shows each role the panels the API lets it use, and a role without one where its work is", async () => {
    const expected: [Role, string[]][] = [
      ["staffing_officer", ["staffing", "plans", "acknowledgements", "teams"]],
      ["facility_admin", ["shelter-ops", "restrictions", "counters", "occupancy"]],
      ["approver", ["approvals"]],
    ];
    for (const [role, panels] of expected) {
      const page = await open("/console?lang=ja", role);
      await page.locator(".needs-token:not([hidden])").first().waitFor();
      expect(await shownPanels(page)).toEqual(panels);
      expect(await page.locator("#no-panel").isHidden()).toBe(true);
      await page.close();
    }
    const staff = await open("/console?lang=ja", "staff", "SYN-00001");
    await staff.locator("#no-panel").waitFor();
    expect(await staff.locator("#no-panel-text").textContent()).toContain("職員ページ");
    expect(await staff.locator("#no-panel-link").getAttribute("href")).toBe("/staff");
    expect(await shownPanels(staff)).toEqual([]);
    expect(await axeViolations(staff)).toEqual([]);
    await staff.close();
  });

  it("lets the staffing officer propose a plan, review coverage, floors and moves (search, CSV), and apply it", async () => {
    const declared = await suite.h.api(
      "POST",
      "/api/v1/mode",
      { incident: "earthquake", level: "emergency", wards: [], reason: "M7.1 震度6強" },
      await as("manager"),
    );
    expect(declared.status).toBe(201);
    await eventually(
      async () => (await suite.h.api("GET", "/api/v1/status")).body.summary?.shelter_open === 208,
      "208 shelters open",
      120_000,
    );
    officer = await open("/console?lang=ja", "staffing_officer");
    await officer.locator("#plans:not([hidden])").waitFor();
    await officer.locator("#staffing-chart", { hasText: "適用中の配置案はまだありません" }).waitFor();
    // The shelters opening may still be reaching the planner: a plan made before that is refused as stale, in words.
    const result = officer.locator("#plan-result");
    await eventually(
      async () => {
        await officer.getByRole("button", { name: "配置案を作成" }).click();
        await officer.locator("#propose-button:not([disabled])").waitFor({ timeout: 120_000 });
        if (await officer.locator("#plan-review").isHidden()) return false;
        const rows = await officer.locator("#plan-moves tbody tr").count();
        if (rows === 0) return false;
        // Reviewed before anything moves: coverage per ward against its own required posts, floors, moves.
        expect(await officer.evaluate(() => document.activeElement?.id)).toBe("plan-title");
        expect(await officer.locator("#plan-title").textContent()).toMatch(/^充足 \d+ \/ \d+ 枠/);
        expect(await officer.locator('#plan-coverage .bar[data-name="中央区"] .value').textContent()).toMatch(/^\d+ \/ \d+$/);
        expect(await officer.locator("#plan-floors li[data-department]").count()).toBeGreaterThan(0);
        const first = officer.locator("#plan-moves tbody tr").first();
        const staffId = (await first.getAttribute("data-staff"))!;
        await officer.getByLabel("氏名・配置先で絞り込む").fill(staffId);
        expect(await officer.locator("#plan-moves tbody tr:not([hidden])").count()).toBe(1);
        expect(await officer.locator("#plan-moves-count").textContent()).toBe(`${rows} 件中 1 件を表示`);
        await officer.getByLabel("氏名・配置先で絞り込む").fill("");
        const [download] = await Promise.all([
          officer.waitForEvent("download"),
          officer.getByRole("button", { name: "移動一覧をCSVで保存" }).click(),
        ]);
        const saved = readFileSync((await download.path())!, "utf8");
        // With a BOM, so that a spreadsheet reads the Japanese names as UTF-8.
        expect(saved.startsWith("\ufeffstaff_id,name,from_post,to_post,forced,why\r\n")).toBe(true);
        const csv = saved.trim().split("\r\n");
        expect(csv).toHaveLength(rows + 1);
        await officer.getByRole("button", { name: "この配置案を適用" }).click();
        await eventually(async () => ((await result.textContent()) ?? "") !== "", "the apply answered");
        const said = (await result.textContent())!;
        if (said.startsWith("適用しました")) return true;
        // Stale: said in words, never as a code.
        expect(said).toBe("この配置案を作った後に状況（体制・避難所・窓口）が変わりました。配置案を作り直してください。");
        return false;
      },
      "a plan proposed, reviewed and applied in the console",
      240_000,
      2_000,
    );
    expect(await axeViolations(officer)).toEqual([]);
  }, 400_000);

  it("gives staff a notice they can act on: where with a map, when, whom with a phone, what to bring; one acknowledges, another declines", async () => {
    // Two people sent to shelters, from the reviewed plan's moves.
    const movers = await officer
      .locator("#plan-moves tbody tr")
      .evaluateAll((rows) => rows.filter((r) => r.textContent!.includes("避難所運営")).map((r) => (r as HTMLElement).dataset.staff!));
    const [acknowledging, declining] = movers;
    await eventually(async () => (await dutiesOf(acknowledging)).notices?.length > 0, "the notice on the record", 120_000, 500);
    const { notices } = await dutiesOf(acknowledging);
    const [notice] = notices;
    expect(notice.duty).toMatchObject({ address: expect.stringContaining("熊本市"), bring: expect.arrayContaining(["職員証"]) });

    const page = await open("/staff?lang=ja", "staff", acknowledging);
    const item = page.locator(`#notice-list li[data-id="${notice.id}"]`);
    await item.waitFor();
    expect(await item.locator(".big").textContent()).toBe(`${notice.duty.facilityName} ${notice.duty.duty}`);
    expect(await item.textContent()).not.toMatch(/day|evening|night/);
    expect(await item.locator(".where").textContent()).toContain(notice.duty.address);
    expect(await item.locator(".where a").getAttribute("href")).toMatch(/^https:\/\/www\.openstreetmap\.org\/\?mlat=32\.\d+&mlon=130\.\d+/);
    expect(await item.locator(".report-to").textContent()).toContain(notice.duty.reportTo);
    if (notice.duty.reportToPhone) expect(await item.locator('.report-to a[href^="tel:"]').count()).toBe(1);
    expect(await item.locator(".bring").textContent()).toContain("職員証");
    expect(await item.textContent()).toContain("代わりの職員が配置されます");
    expect(await axeViolations(page)).toEqual([]);
    await item.getByRole("button", { name: "了解" }).click();
    await page.locator(`#notice-list li[data-id="${notice.id}"][data-state="acknowledged"]`).waitFor();
    await page.close();

    await eventually(async () => (await dutiesOf(declining)).notices?.length > 0, "the other notice", 120_000, 500);
    const [theirs] = (await dutiesOf(declining)).notices;
    const other = await open("/staff?lang=ja", "staff", declining);
    const theirItem = other.locator(`#notice-list li[data-id="${theirs.id}"]`);
    await theirItem.waitFor();
    await theirItem.getByRole("button", { name: "辞退" }).click(); // no reason: said in words, nothing sent
    await other.locator("#notice-result", { hasText: "辞退するには、理由を入力してください" }).waitFor();
    expect((await dutiesOf(declining)).notices[0].state).toBe("pending");
    await theirItem.getByLabel("辞退の理由").fill("発熱のため");
    await theirItem.getByRole("button", { name: "辞退" }).click();
    await other.locator(`#notice-list li[data-id="${theirs.id}"][data-state="declined"]`).waitFor();
    await other.close();
  }, 300_000);

  it("lets the staffing officer replace someone who has not answered (交代)", async () => {
    await officer.reload();
    // With the plan in force, the officer's coverage is per ward against each ward's own posts.
    await officer.locator('#staffing-chart .bar[data-name="中央区"]').waitFor();
    // Listed in a fold, closed until the officer opens it.
    await officer.locator("#unanswered-list li[data-staff]").first().waitFor({ state: "attached", timeout: 60_000 });
    await officer.locator("#unanswered summary").click();
    const row = officer.locator("#unanswered-list li[data-staff]").first();
    const silent = (await row.getAttribute("data-staff"))!;
    await row.getByLabel("交代の理由").fill("連絡がつかない");
    await row.getByRole("button", { name: "交代" }).click();
    await eventually(async () => ((await officer.locator("#replace-result").textContent()) ?? "") !== "", "the replacement told");
    expect((await dutiesOf(silent)).notices[0]).toMatchObject({ kind: "released", reason: expect.stringContaining("連絡がつかない") });
    await officer.close();
  });

  it("lets a facility admin close a shelter with a reason, restrict a facility's capacity and set a counter's level; the audit shows the closing", async () => {
    const admin = await open("/console?lang=ja", "facility_admin");
    await admin.locator("#shelter-ops:not([hidden])").waitFor();
    // By its id: a locator on "open" rows would move on to the next one once this one closes.
    const id = await admin.locator("#shelter-table tbody tr[data-shelter=open]").first().getAttribute("data-id");
    const row = admin.locator(`#shelter-table tbody tr[data-id="${id}"]`);
    const name = (await row.getAttribute("data-name"))!;
    await admin.getByLabel("施設名で検索").fill(name);
    await admin.locator("#shelter-reason").fill("断水のため閉鎖");
    await row.getByRole("button", { name: /^閉鎖/ }).click();
    const dialog = admin.locator("#shelter-confirm");
    await dialog.waitFor({ state: "visible" });
    expect(await dialog.locator("#shelter-confirm-text").textContent()).toBe(`${name}: 開設中 → 閉鎖`);
    await dialog.getByRole("button", { name: "確定する" }).click();
    await eventually(async () => (await row.getAttribute("data-shelter")) === "closed", "the shelter closed", 90_000);

    // Capacity: a restriction with a reason, listed once made.
    await admin.locator("#restrict-facility").selectOption({ index: 0 });
    await admin.locator("#restrict-kind").selectOption("capacity_limited");
    await admin.locator("#restrict-capacity").fill("50");
    await admin.locator("#restrict-reason").fill("余震に備えて人数を制限");
    await admin.getByRole("button", { name: "制限をかける" }).click();
    const restriction = admin.locator("#restriction-list li[data-id]", { hasText: "余震に備えて人数を制限" });
    await restriction.waitFor();
    // Ended from the same list: the page says so and the list no longer has it.
    await restriction.getByRole("button", { name: /^制限を終える/ }).click();
    await admin.locator("#restrict-result", { hasText: "制限を終えました。" }).waitFor();
    await restriction.waitFor({ state: "detached" });
    // A counter's level on one channel, with a reason.
    const counter = admin.locator("#counter-table tbody tr").first();
    await counter.locator("select").selectOption("reduced");
    await counter.locator("input").fill("職員を避難所に派遣中");
    await counter.getByRole("button", { name: "変更" }).click();
    await admin.locator("#counter-result", { hasText: "提供状況を変更しました" }).waitFor();
    expect(await axeViolations(admin)).toEqual([]);
    await admin.close();

    // The audit (a manager's panel) shows who closed it and why.
    const manager = await open("/console?lang=ja", "manager");
    await manager.getByLabel("種類", { exact: true }).fill("shelter.closed");
    await manager.getByRole("button", { name: "絞り込み" }).click();
    const audited = manager.locator("#audit-table tbody tr", { hasText: "断水のため閉鎖" });
    await audited.waitFor();
    expect((await audited.locator("td").allTextContents()).slice(1)).toEqual(["facility_admin@e2e", "shelter.closed", "断水のため閉鎖"]);
    await manager.close();
  }, 300_000);
});
