/// <reference lib="dom" />
// The test drives a real browser: functions passed to page.evaluate run there, with the DOM.
import { readFileSync } from "node:fs";
import { BrowserSubscription } from "@crisis/platform/testing";
import { Page } from "playwright-core";
import { Harness, eventually, startHarness } from "../harness";
import { Role } from "../../services/gateway/src/adapters/auth/tokens";
import { Browser, launchBrowser } from "./browser";
import { axeViolations, pushManagerOn, signInAs } from "../support/pages";

// A loaded 2-core machine: every wait is on a condition, with room to spare.
jest.setTimeout(240_000);

/** A DevTools session on the page with the ServiceWorker domain on, and the worker's registration id. */
async function serviceWorkerSession(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const ids: string[] = [];
  cdp.on("ServiceWorker.workerRegistrationUpdated", (e) =>
    ids.push(...e.registrations.filter((r) => !r.isDeleted).map((r) => r.registrationId)),
  );
  await cdp.send("ServiceWorker.enable");
  await eventually(() => ids.length > 0, "the page's service worker registration");
  return { cdp, registrationId: ids[0] };
}

const notifications = (page: Page) =>
  page.evaluate(async () =>
    (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({
      title: n.title,
      body: n.body,
      tag: n.tag,
      url: n.data?.url,
    })),
  );

describe("the pages in real Chromium: a citizen subscribes, a manager declares, the push shows", () => {
  let h: Harness;
  let browser: Browser;
  let citizen: Page;
  let device: BrowserSubscription;
  /** The manager's console stays open through the story: it must follow approval and delivery live. */
  let desk: Page;

  const signIn = (page: Page, role: Role, subject?: string) => signInAs(h, page, role, subject);

  beforeAll(async () => {
    // The city's two-person rule: normal → emergency waits for an approver.
    h = await startHarness({ env: { APPROVAL_REQUIRED: "normal-to-emergency" } });
    browser = await launchBrowser(h.base);
    device = h.pushService.subscribe();
    await browser.context.addInitScript(pushManagerOn, device.json);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await h?.stop();
  }, 120_000);

  it("serves the status page as HTML readable without JavaScript, under 200 KB, with no inline script", async () => {
    const res = await fetch(`${h.base}/`);
    const body = await res.text();
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(Buffer.byteLength(body)).toBeLessThan(200 * 1024);
    expect(body).toContain('<html lang="ja">');
    expect(body).toContain("通常体制です。");
    expect(body).toContain('<a href="/facilities">すべての施設（318）</a>');
    const scripts = body.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.filter((s) => !/\bsrc="\/assets\//.test(s) && !/type="application\/json"/.test(s))).toEqual([]);
    expect(body).not.toMatch(/\son[a-z]+="/);
    const english = await (await fetch(`${h.base}/?lang=en`)).text();
    expect(english).toContain('<html lang="en">');
    expect(english).toContain("Normal operations.");
  });

  it("lets a citizen subscribe in the page, stored with the topics they chose", async () => {
    citizen = await browser.context.newPage();
    // The page can learn of a change only through its event stream (SSE), not by polling.
    const read: string[] = [];
    citizen.on("request", (r) => read.push(new URL(r.url()).pathname));
    await citizen.route("**/api/v1/status", (route) => route.abort());
    // The stream resumes from where the page was rendered, so the page reads nothing to find out whether it is behind.
    const stream = citizen.waitForRequest((r) => r.url().startsWith(`${h.base}/api/v1/events?lastEventId=`));
    await citizen.goto(`${h.base}/`);
    await stream;
    expect(read.filter((path) => path.startsWith("/api/"))).toEqual(["/api/v1/events"]);
    await citizen.locator("#subscribe-form").waitFor({ state: "visible" });
    await citizen.getByLabel("中央区").check();
    await citizen.getByRole("button", { name: "登録する" }).click();
    await citizen.locator("#subscribe-result", { hasText: "登録しました。" }).waitFor();
    const record = await citizen.evaluate(() => JSON.parse(localStorage.getItem("crisis.subscription") ?? "null"));
    expect(record).toEqual({
      id: expect.any(String),
      unsubscribeToken: expect.any(String),
      topics: ["ward:中央区", "category:shelter"],
      lang: "ja",
    });
  });

  it("lets a manager declare from the console: the preview shows what will change, and the declaration waits for an approver", async () => {
    desk = await browser.context.newPage();
    await desk.goto(`${h.base}/console`);
    await signIn(desk, "manager");
    await desk.locator("#declare").waitFor({ state: "visible" });
    // After sign-in, focus is on the first panel's heading, not lost on <body>.
    await desk.waitForFunction(() => document.activeElement?.id === "declare-title");
    await desk.getByLabel("災害の種類").selectOption("earthquake");
    await desk.getByLabel("体制", { exact: true }).selectOption("emergency");
    await desk.getByLabel("理由", { exact: true }).first().fill("M7.1 震度6強");
    // The keyboard path: Enter previews; focus lands on the preview's heading, so a second Enter declares nothing.
    await desk.getByLabel("理由", { exact: true }).first().press("Enter");
    const preview = desk.locator("#preview");
    await preview.waitFor({ state: "visible" });
    expect(await desk.evaluate(() => document.activeElement?.id)).toBe("preview-title");
    await desk.keyboard.press("Enter");
    expect(await preview.isVisible()).toBe(true);
    expect(await desk.locator("#declare-result").textContent()).toBe("");
    expect(await preview.locator(".big").textContent()).toBe("地震 緊急体制 — 全区 — M7.1 震度6強");
    expect(await preview.locator(".preview-shelters").textContent()).toBe("208");
    expect(Number(await preview.locator(".preview-facilities").textContent())).toBeGreaterThanOrEqual(208);
    expect((await h.api("GET", "/api/v1/mode")).body.level).toBe("normal");
    expect(
      (await h.api("GET", "/api/v1/mode/pending", undefined, { authorization: `Bearer ${await h.token("approver")}` })).body.pending,
    ).toEqual([]);
    await desk.getByRole("button", { name: "この内容で発令する" }).click();
    await desk.locator("#declare-result", { hasText: "承認待ちになりました。" }).waitFor();
    // The manager sees the request in the queue but cannot approve it alone: the declarer may only withdraw it.
    const queued = desk.locator("#approval-list li[data-id]");
    await queued.waitFor();
    expect(await queued.getByRole("button", { name: "取り下げる" }).count()).toBe(1);
    expect(await queued.getByRole("button", { name: "承認する" }).count()).toBe(0);
    expect((await h.api("GET", "/api/v1/mode")).body.level).toBe("normal");
  });

  it("lets the approver reject it with a reason, and the declarer's console shows the rejection without a reload", async () => {
    const approver = await browser.context.newPage();
    await approver.goto(`${h.base}/console?lang=ja`);
    await signIn(approver, "approver");
    const item = approver.locator("#approval-list li[data-id]:not([data-closed])");
    await item.waitFor();
    await item.getByRole("button", { name: "却下する" }).click();
    await approver.locator("#approval-result", { hasText: "理由を入力してください。" }).waitFor();
    await item.getByLabel("却下の理由").fill("震度の速報値が誤り");
    await item.getByRole("button", { name: "却下する" }).click();
    await approver.locator("#approval-result", { hasText: "却下しました。" }).waitFor();
    const rejected = desk.locator('#approval-list li[data-closed="rejected"]');
    await rejected.waitFor();
    expect(await rejected.textContent()).toContain("却下: approver@e2e");
    expect(await rejected.textContent()).toContain("震度の速報値が誤り");
    expect((await h.api("GET", "/api/v1/mode")).body.level).toBe("normal");
    await approver.close();
    // The manager declares again, this time to be approved.
    await desk.getByRole("button", { name: "影響を確認する" }).click();
    await desk.locator("#preview").waitFor({ state: "visible" });
    await desk.getByRole("button", { name: "この内容で発令する" }).click();
    await desk.locator("#preview").waitFor({ state: "hidden" });
    // The console's own words for the answer: a refusal would show its problem here.
    expect(await desk.locator("#declare-result").textContent()).toBe("承認待ちになりました。承認者が承認すると発令されます。");
    await desk.locator("#approval-list li[data-id]:not([data-closed])").waitFor();
  });

  it("lets the approver approve it from the queue after seeing the same preview, and the manager's console follows without a reload", async () => {
    const approver = await browser.context.newPage();
    await approver.goto(`${h.base}/console?lang=ja`);
    await signIn(approver, "approver");
    await approver.locator("#approvals").waitFor({ state: "visible" });
    expect(await approver.locator("#declare").isHidden()).toBe(true); // declaring is the manager's
    const item = approver.locator("#approval-list li[data-id]:not([data-closed])");
    await item.waitFor();
    expect(await item.locator(".big").textContent()).toBe("地震 緊急体制 — 全区 — M7.1 震度6強");
    expect(await item.textContent()).toContain("申請: manager@e2e");
    expect(await item.locator(".preview-shelters").textContent()).toBe("208");
    expect(await axeViolations(approver)).toEqual([]); // the queue with its preview, as the approver sees it
    await desk.evaluate(() => ((window as any).notReloaded = true));
    await item.getByRole("button", { name: "承認する" }).click();
    await approver.locator("#approval-result", { hasText: "承認し、発令しました。" }).waitFor();
    await approver.locator("#approval-list li", { hasText: "承認待ちはありません。" }).waitFor();
    expect((await h.api("GET", "/api/v1/mode")).body).toMatchObject({ level: "emergency", incident: "earthquake" });
    await desk.locator("#mode.level-emergency").waitFor({ timeout: 60_000 });
    await desk.locator("#approval-list li", { hasText: "承認待ちはありません。" }).waitFor();
    expect(await desk.evaluate(() => (window as any).notReloaded)).toBe(true);
    await approver.close();
  });

  it("shows the manager each push of the declaration going out, live: all accepted, none on its way", async () => {
    const accepted = desk.locator('#delivery .bar[data-state="accepted"] .value');
    await eventually(
      async () => /^([1-9]\d*) \/ \1$/.test((await accepted.textContent().catch(() => "")) ?? ""),
      "every push accepted",
      120_000,
    );
    expect(await desk.locator('#delivery .bar[data-state="pending"] .value').textContent()).toMatch(/^0 \/ [1-9]\d*$/);
    expect(await desk.locator('#delivery .bar[data-state="failed"] .value').textContent()).toMatch(/^0 \//);
    expect(await desk.locator("#delivery-body").textContent()).toContain("地震 緊急体制 — 全区 — M7.1 震度6強");
  });

  it("shows the manager staffing coverage as a chart, and closes one shelter from the console", async () => {
    const manager = await browser.context.newPage();
    await manager.goto(`${h.base}/console?lang=ja`);
    await signIn(manager, "manager");
    // The planner may still be busy with the declaration just made: the console looks again by itself.
    await manager.locator("#staffing-chart p", { hasText: "緊急体制" }).waitFor({ timeout: 200_000 });
    const total = manager.locator("#staffing-chart .bar", { hasText: "充足" });
    expect(await total.locator(".value").textContent()).toMatch(/^\d+ \/ [1-9]\d*$/);
    // No plan is in force yet: each ward's own posts, not set against all wards' (「中央区 144 / 683」).
    expect(await manager.locator('#staffing-chart li[data-ward="中央区"]').textContent()).toMatch(/^中央区 [1-9]\d*$/);
    const first = manager.locator("#shelter-table tbody tr").first();
    const id = await first.getAttribute("data-id");
    await manager.locator("#shelter-reason").fill("余震で天井材が落下");
    expect(await manager.locator("#shelter-table tbody tr").count()).toBe(208);
    // Searchable and filterable: the rows of one ward, then one name.
    await manager.locator("#shelter-ward").selectOption("中央区");
    const shown = manager.locator("#shelter-table tbody tr:not([hidden])");
    const inWard = await shown.count();
    expect(inWard).toBeGreaterThan(0);
    expect(inWard).toBeLessThan(208);
    await manager.locator("#shelter-ward").selectOption("");
    const firstName = (await first.getAttribute("data-name"))!;
    await manager.getByLabel("施設名で検索").fill(firstName);
    expect(await shown.count()).toBeGreaterThanOrEqual(1);
    await manager.getByLabel("施設名で検索").fill("");
    // A ward-wide action says how many shelters it would change before anything is sent.
    await manager.getByLabel("区内の避難所をまとめて").selectOption("中央区");
    await manager.locator("#shelter-reason").fill("確認だけ");
    await manager.locator("button.ward-action", { hasText: "閉鎖" }).click();
    const dialog = manager.locator("#shelter-confirm");
    await dialog.waitFor({ state: "visible" });
    expect(await dialog.locator("#shelter-confirm-text").textContent()).toMatch(/^中央区の避難所 [1-9]\d* か所を閉鎖$/);
    await dialog.getByRole("button", { name: "やめる" }).click();
    expect(await dialog.isVisible()).toBe(false);
    // One shelter: a reason, then a confirmation naming it with the state before and after.
    await manager.locator("#shelter-reason").fill("");
    await first.getByRole("button", { name: /^閉鎖/ }).click();
    await manager.locator("#shelter-result", { hasText: "理由を入力してください。" }).waitFor();
    expect(await dialog.isVisible()).toBe(false);
    await manager.locator("#shelter-reason").fill("余震で天井材が落下");
    await first.getByRole("button", { name: /^閉鎖/ }).click();
    await dialog.waitFor({ state: "visible" });
    const confirmText = (await dialog.locator("#shelter-confirm-text").textContent())!;
    expect(confirmText.startsWith(`${firstName}: `) && confirmText.endsWith(" → 閉鎖")).toBe(true);
    await dialog.getByRole("button", { name: "確定する" }).click();
    await eventually(async () => (await first.getAttribute("data-shelter")) === "closed", "the row showing the shelter closed", 90_000);
    // One reading everywhere: 閉鎖 with its reason, never the building's ordinary use 「通常どおり」.
    expect(await first.locator(".status").textContent()).toBe("避難所閉鎖");
    expect(await first.locator(".status").getAttribute("class")).toBe("status status-shelter_closed");
    expect(await manager.locator("#shelter-ops .unavailable").isHidden()).toBe(true);
    // The button for the state it is now in is disabled; the audit names the shelter, the reason and the actor.
    expect(await first.getByRole("button", { name: /^閉鎖/ }).isDisabled()).toBe(true);
    expect(await first.getByRole("button", { name: /^開設/ }).isDisabled()).toBe(false);
    const audited = (
      await h.api("GET", "/api/v1/audit?kind=shelter.closed", undefined, { authorization: `Bearer ${await h.token("manager")}` })
    ).body.records.at(-1);
    expect(audited).toMatchObject({ actor: "manager@e2e", why: "余震で天井材が落下", facilityIds: [id] });
    expect(JSON.parse(audited.what)).toMatchObject({ facilityId: id, name: firstName, state: "closed" });
    const facility = await h.api("GET", `/api/v1/facilities/${encodeURIComponent(id!)}`);
    expect(facility.body).toMatchObject({
      shelter: "closed",
      reading: { state: "shelter_closed", shelterFirst: true, use: "open", reasons: ["余震で天井材が落下"] },
    });
    const text = async (path: string) => (await fetch(`${h.base}${path}`)).text();
    const facilityHtml = await eventually(async () => {
      const body = await text(`/facilities/${encodeURIComponent(id!)}?lang=ja`);
      return body.includes("status-shelter_closed") ? body : undefined;
    }, "the facility page reading 閉鎖");
    expect(facilityHtml).toMatch(/<span class="status status-shelter_closed">避難所閉鎖<\/span>/);
    expect(facilityHtml).toContain("余震で天井材が落下");
    expect(facilityHtml).not.toContain(">通常どおり<");
    expect(await text(`/facilities/${encodeURIComponent(id!)}?lang=en`)).toContain(">shelter closed<");
    const statusHtml = await text("/?lang=ja");
    expect(statusHtml).toMatch(new RegExp(`<li data-id="${id}" data-state="shelter_closed">[^]*?避難所閉鎖[^]*?余震で天井材が落下`));
    const status = await eventually(async () => {
      const body = (await h.api("GET", "/api/v1/status")).body;
      return body.facilities?.find((f: { id: string; reading: { state: string } }) => f.id === id && f.reading.state === "shelter_closed");
    }, "the status API reading 閉鎖");
    expect(status.reading.reasons).toEqual(["余震で天井材が落下"]);
    const name = facility.body.name as string;
    expect(await text("/feeds/status.atom")).toContain(`${name}: 避難所閉鎖 / ${name}`);
    expect(await text("/feeds/cap.xml")).toMatch(new RegExp(`閉鎖した避難所: [^<]*${name}（余震で天井材が落下）`));
    await manager.close();
  }, 300_000);

  it("lets staff answer their real notices once a manager applies a staffing plan: one acknowledges, another declines with a reason, and the console counts both", async () => {
    const manager = { authorization: `Bearer ${await h.token("manager")}` };
    // The shelter just closed may still be reaching the planner: a plan made before it is refused as stale (409), so propose again.
    const plan = await eventually(
      async () => {
        const proposed = await h.api("POST", "/api/v1/staffing/plans", {}, manager);
        if (proposed.status !== 200) return undefined;
        const applied = await h.api("POST", `/api/v1/staffing/plans/${proposed.body.id}/apply`, {}, manager);
        return applied.status === 200 && !applied.body.alreadyApplied
          ? (proposed.body as { changes: { staffId: string; to: string | null }[] })
          : undefined;
      },
      "a staffing plan proposed and applied",
      200_000,
      1_000,
    );
    const reassigned = [...new Set(plan.changes.filter((c) => c.to).map((c) => c.staffId))];
    expect(reassigned.length).toBeGreaterThan(1);
    const [acknowledging, declining] = reassigned;
    const dutiesOf = async (staffId: string) =>
      (await h.api("GET", "/api/v1/staff/me/duties", undefined, { authorization: `Bearer ${await h.token("staff", staffId)}` })).body;
    await eventually(
      async () => (await dutiesOf(acknowledging)).notices?.length > 0 && (await dutiesOf(declining)).notices?.length > 0,
      "both people's notices on their record",
      120_000,
      500,
    );

    const page = await browser.context.newPage();
    await page.goto(`${h.base}/staff?lang=ja`);
    await signIn(page, "staff", acknowledging);
    const mine = await dutiesOf(acknowledging);
    const [notice] = mine.notices;
    expect(notice).toMatchObject({ kind: "reassigned", state: "pending" });
    // The duty panel names the person; whether a duty is under way depends on the hour the plan is made (day shift or night).
    await page.locator("#duty-body", { hasText: mine.name }).waitFor();
    const item = page.locator(`#notice-list li[data-id="${notice.id}"]`);
    const { duty } = notice;
    // Local time, never the post id's shift key; the desks test checks the address, lead and what to bring.
    expect(await item.locator(".big").textContent()).toBe(`${duty.facilityName} ${duty.duty}`);
    expect(await page.locator("#release-list").textContent()).not.toContain("undefined");
    expect(await axeViolations(page)).toEqual([]);
    await item.getByRole("button", { name: "了解" }).click();
    await page.locator(`#notice-list li[data-id="${notice.id}"][data-state="acknowledged"]`).waitFor();
    expect(await page.locator(`#notice-list li[data-id="${notice.id}"] .answer`).textContent()).toMatch(/^了解済み/);
    expect((await dutiesOf(acknowledging)).notices[0]).toMatchObject({ id: notice.id, state: "acknowledged" });
    await page.close();

    // Another person's page: their notice, declined with a reason.
    const other = await browser.context.newPage();
    await other.goto(`${h.base}/staff?lang=ja`);
    await signIn(other, "staff", declining);
    const [theirs] = (await dutiesOf(declining)).notices;
    const theirItem = other.locator(`#notice-list li[data-id="${theirs.id}"]`);
    await theirItem.waitFor();
    await theirItem.getByRole("button", { name: "辞退" }).click(); // no reason yet: nothing is sent
    expect(await theirItem.getAttribute("data-state")).toBe("pending");
    expect((await dutiesOf(declining)).notices[0].state).toBe("pending");
    await theirItem.getByLabel("辞退の理由").fill("家族が負傷したため");
    await theirItem.getByRole("button", { name: "辞退" }).click();
    await other.locator("#notice-result", { hasText: "辞退を受け付けました。" }).waitFor();
    await other.locator(`#notice-list li[data-id="${theirs.id}"][data-state="declined"]`).waitFor();
    expect((await dutiesOf(declining)).notices[0]).toMatchObject({ id: theirs.id, state: "declined", reason: "家族が負傷したため" });
    await other.close();

    const tally = (await h.api("GET", "/api/v1/staffing/acknowledgements", undefined, manager)).body;
    expect(tally).toMatchObject({ acknowledged: 1, declined: 1 });
    const board = await browser.context.newPage();
    await board.goto(`${h.base}/console?lang=ja`);
    await signIn(board, "manager");
    const value = (name: string) => board.locator(`#ack-chart .bar[data-name="${name}"] .value`).textContent();
    await board.locator("#ack-chart .bar").first().waitFor();
    expect(await value("了解")).toBe(`1 / ${tally.total}`);
    expect(await value("辞退")).toBe(`1 / ${tally.total}`);
    expect(await value("未応答")).toBe(`${tally.pending} / ${tally.total}`);
    expect(tally.byDepartment.length).toBeGreaterThan(0);
    const [department] = tally.byDepartment;
    // By the department's name, as a manager reads it (総務課), not its id.
    expect(department.departmentName).not.toBe(department.department);
    expect(await value(department.departmentName)).toBe(`${department.acknowledged} / ${department.total}`);

    // Someone who has not answered, listed oldest first: the officer replaces them from the console.
    const [silent] = tally.unanswered;
    expect(silent).toMatchObject({ staffId: expect.any(String), postId: expect.any(String), escalated: false });
    await board.locator("#unanswered summary").click();
    const row = board.locator(`#unanswered-list li[data-staff="${silent.staffId}"]`);
    await row.getByRole("button", { name: "交代" }).click(); // no reason yet: nothing is sent
    expect((await dutiesOf(silent.staffId)).notices[0].kind).toBe("reassigned");
    await row.getByLabel("交代の理由").fill("連絡がつかない");
    await row.getByRole("button", { name: "交代" }).click();
    await board.locator("#replace-result", { hasText: silent.name }).waitFor();
    expect((await dutiesOf(silent.staffId)).notices[0]).toMatchObject({
      kind: "released",
      reason: expect.stringContaining("連絡がつかない"),
    });
    await board.close();

    // Release notices: the acknowledging person's shelter closes, and the next plan sends its people home.
    const closed = await h.api(
      "PUT",
      `/api/v1/shelters/${encodeURIComponent(duty.facilityId)}`,
      { state: "closed", reason: "給水停止" },
      manager,
    );
    expect(closed.status).toBe(200);
    const next = await eventually(
      async () => {
        const proposed = await h.api("POST", "/api/v1/staffing/plans", {}, manager);
        const gone = (proposed.body.changes ?? []).filter((c: { from: string | null; to: string | null }) => c.from && !c.to);
        if (proposed.status !== 200 || gone.length === 0) return undefined;
        const applied = await h.api("POST", `/api/v1/staffing/plans/${proposed.body.id}/apply`, {}, manager);
        return applied.status === 200 ? (gone as { staffId: string }[]) : undefined;
      },
      "a plan without the closed shelter's posts applied",
      200_000,
      1_000,
    );
    const released = await browser.context.newPage();
    await released.goto(`${h.base}/staff?lang=ja`);
    await signIn(released, "staff", next[0].staffId);
    const release = released.locator('#release-list li[data-id][data-state="pending"]');
    await release.first().waitFor();
    expect(await release.first().textContent()).toContain("配置解除");
    expect(await release.first().getByRole("button", { name: "辞退" }).count()).toBe(0);
    await released.close();
  }, 400_000);

  it("shows the manager the audit log, filtered by kind, and downloads what the filter shows as CSV", async () => {
    await desk.getByRole("button", { name: "絞り込み" }).click();
    await desk.locator('#audit-table tr[data-kind="mode.approved"]').waitFor();
    expect(await desk.locator('#audit-table tr[data-kind="mode.requested"]').count()).toBe(2);
    expect(await desk.locator('#audit-table tr[data-kind="mode.rejected"]').count()).toBe(1);
    await desk.getByLabel("種類", { exact: true }).fill("mode.approved");
    await desk.getByRole("button", { name: "絞り込み" }).click();
    await eventually(async () => (await desk.locator("#audit-table tbody tr").count()) === 1, "only the approval left");
    const row = await desk.locator("#audit-table tbody tr td").allTextContents();
    expect(row.slice(1)).toEqual(["approver@e2e", "mode.approved", "M7.1 震度6強"]);
    expect(row[0]).toMatch(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}$/);
    const [download] = await Promise.all([desk.waitForEvent("download"), desk.locator("#audit-csv").click()]);
    expect(download.suggestedFilename()).toBe("audit.csv");
    const csv = readFileSync((await download.path())!, "utf8")
      .trim()
      .split("\r\n");
    expect(csv[0]).toMatch(/^at,actor,actorRoles,kind,why,approver,/);
    expect(csv).toHaveLength(2);
    expect(csv[1]).toMatch(/^[^,]+,approver@e2e,approver,mode\.approved,M7\.1 震度6強,approver@e2e,/);
  });

  it("updates the open status page over SSE without a reload (its status polls refused): the emergency and 206 open shelters (208 opened, one closed from the console, one for the release notice)", async () => {
    await citizen.evaluate(() => ((window as any).notReloaded = true));
    await citizen.locator("#mode.level-emergency").waitFor({ timeout: 120_000 });
    await citizen.locator("#shelters-title .count", { hasText: "206" }).waitFor({ timeout: 120_000 });
    expect(await citizen.evaluate(() => (window as any).notReloaded)).toBe(true);
    expect(await citizen.locator("#mode").textContent()).toContain("地震 緊急体制");
    // The swapped-in line keeps the server's time and is marked live once, not formatted again.
    await citizen.locator("#freshness", { hasText: "自動更新中" }).waitFor();
    const freshness = (await citizen.locator("#freshness").textContent()) ?? "";
    expect(freshness.trim()).toMatch(/\d{1,2}:\d{2}\s*時点の情報\s+· 自動更新中$/);
    expect(freshness.split("自動更新中")).toHaveLength(2);
    await citizen.unroute("**/api/v1/status");
    const full = await (await fetch(`${h.base}/`)).text();
    expect(Buffer.byteLength(full)).toBeLessThan(200 * 1024); // every open shelter listed, still a light page
  });

  it("lists the nearest shelters with room once the visitor shares their location: none reported yet, so it says so, then the nearest open ones", async () => {
    // Kumamoto City Hall, in 中央区
    await browser.context.setGeolocation({ latitude: 32.8031, longitude: 130.7079 });
    const asked = citizen.waitForRequest((r) => r.url().includes("/api/v1/shelters/nearest?"));
    await citizen.getByRole("button", { name: "現在地から近い順に並べる" }).click();
    await asked;
    const nearest = citizen.locator("#nearest-list li[data-id]");
    await nearest.nth(7).waitFor();
    expect(await citizen.locator("#nearest-list li.none").textContent()).toBe("近くに空きの報告がある避難所はありません。");
    const distances = (await citizen.locator("#nearest-list .distance").allTextContents()).map((d) => Number(d.replace(" km", "")));
    expect(distances).toHaveLength(8);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    expect(distances[0]).toBeLessThan(2);
    expect(await nearest.first().locator(".crowding").textContent()).toBe("報告なし");
  });

  it("puts crowding within the first two screens of a 360 × 780 phone in the emergency, the ward lists folded below it", async () => {
    const phone = await browser.context.newPage();
    await phone.setViewportSize({ width: 360, height: 780 });
    await phone.goto(`${h.base}/?lang=ja`);
    await phone.locator("#crowding").waitFor({ state: "visible" });
    const top = (selector: string) => phone.locator(selector).evaluate((e) => e.getBoundingClientRect().top + window.scrollY);
    expect(await top("#crowding")).toBeLessThan(2 * 780);
    expect(await top("#mode")).toBeLessThan(await top("#shelters"));
    expect(await top("#shelters")).toBeLessThan(await top("#crowding"));
    expect(await top("#crowding")).toBeLessThan(await top("#shelter-lists"));
    expect(await top("#shelter-lists")).toBeLessThan(await top("#subscribe"));
    expect(await phone.locator("details.ward[open]").count()).toBe(0);
    await phone.close();
  });

  it("delivers the push to the page's service worker, which shows a notification with its text and page", async () => {
    await eventually(() => h.pushService.messagesFor(device.id).length > 0, "the push for the citizen", 120_000);
    const [push] = h.pushService.messagesFor(device.id);
    const message = JSON.parse(push.text);
    expect(message.title).toBe("熊本市 地震 緊急体制");
    const { cdp, registrationId } = await serviceWorkerSession(citizen);
    // A worker that was stopped or is being updated may miss one delivery; a repeat replaces it (same tag).
    await eventually(
      async () => {
        await cdp.send("ServiceWorker.deliverPushMessage", { origin: h.base, registrationId, data: push.text });
        return eventually(async () => (await notifications(citizen)).length > 0, "the notification", 5_000).catch(() => false);
      },
      "the notification",
      90_000,
    );
    expect(await notifications(citizen)).toEqual([
      {
        title: "熊本市 地震 緊急体制",
        body: expect.stringContaining("避難所 208 か所を開設 — 中央区 48、東区 41、西区 34、南区 43、北区 42"),
        tag: message.tag,
        url: `${h.base}/status`,
      },
    ]);
  });

  it("opens the page the push names when its notification is clicked", async () => {
    const worker = await eventually(
      () => browser.context.serviceWorkers().find((w) => w.url() === `${h.base}/sw.js`),
      "the page's service worker",
    );
    const opened = await worker.evaluate(async () => {
      const sw = self as any;
      const urls: string[] = [];
      // A click dispatched here carries no user gesture, so Chromium would refuse the new window: record it instead.
      sw.clients.openWindow = async (url: string) => (urls.push(url), null);
      const [shown] = await sw.registration.getNotifications();
      try {
        sw.dispatchEvent(new sw.NotificationEvent("notificationclick", { notification: shown }));
      } catch {
        // waitUntil refuses an untrusted event; the handler's work is already under way.
      }
      for (let i = 0; i < 600 && urls.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      return { urls, left: (await sw.registration.getNotifications()).length };
    });
    expect(opened).toEqual({ urls: [`${h.base}/status`], left: 0 });
  });

  it("opens offline from the service worker's copy and says how old it is", async () => {
    await citizen.evaluate(() => navigator.serviceWorker.ready);
    await eventually(() => citizen.evaluate(() => Boolean(navigator.serviceWorker.controller)), "the page controlled by its worker");
    await citizen.reload(); // through the worker, which keeps this copy
    await browser.context.setOffline(true);
    try {
      await citizen.reload();
      await citizen.locator("#freshness.offline").waitFor();
      expect(await citizen.locator("#freshness").textContent()).toMatch(
        /^オフラインです。\d{4}\/\d{2}\/\d{2} \d{2}:\d{2} 時点（\d+ 分前）の情報を表示しています。$/,
      );
      expect(await citizen.locator("#mode").textContent()).toContain("地震 緊急体制");
      expect(await citizen.locator("#shelters-title .count").textContent()).toBe("206");
    } finally {
      await browser.context.setOffline(false);
    }
  });

  it.each([
    ["the status page", "/?lang=ja", ""],
    ["a facility page", "/facilities/lib:JP-1003025?lang=ja", ""],
    ["a service page", "/services/risai-shomei?lang=ja", ""],
    ["the console, signed in", "/console?lang=ja", "manager"],
    ["the staff page, signed in", "/staff?lang=ja", "staff"],
    ["the status page in English", "/?lang=en", ""],
  ])("shows %s at 360 px wide with no serious or critical axe violation", async (_name, path, role) => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${h.base}${path}`);
    await page.waitForLoadState("load");
    if (role) {
      await signIn(page, role as Role);
      await page.locator(".needs-token:not([hidden])").first().waitFor();
      await eventually(() => page.locator(".unavailable:visible, #staffing-chart .bar").count(), "the panels filled or marked unavailable");
    }
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.close();
  });

  it("shows the facility page a push links to, with the facility's status", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${h.base}/facilities/lib:JP-1003025?lang=ja`);
    expect(await page.locator("h1").textContent()).toBe("熊本市立図書館");
    expect(await page.locator("#facility .status").textContent()).toBe("休館");
    expect(await page.getByLabel("熊本市立図書館").isChecked()).toBe(true);
    const missing = await page.goto(`${h.base}/facilities/no-such-place`);
    expect(missing?.status()).toBe(404);
    await page.close();
  });

  it("unsubscribes for real: the subscription is gone from notify's store", async () => {
    const { id } = await citizen.evaluate(() => JSON.parse(localStorage.getItem("crisis.subscription") ?? "null"));
    const kv = await h.nc.jetstream().views.kv("push_subscriptions");
    expect(await kv.get(id)).toMatchObject({ operation: "PUT" });
    await citizen.goto(`${h.base}/?lang=ja`);
    await citizen.getByRole("button", { name: "登録を解除する" }).click();
    await citizen.locator("#subscribe-result", { hasText: "登録を解除しました。" }).waitFor();
    const entry = await kv.get(id);
    expect(entry === null || entry.operation !== "PUT").toBe(true);
    expect(await citizen.evaluate(() => localStorage.getItem("crisis.subscription"))).toBeNull();
  });
});
