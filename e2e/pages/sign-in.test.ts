/// <reference lib="dom" />
// The test drives a real browser: functions passed to page.evaluate run there, with the DOM.
import { Page } from "playwright-core";
import { Harness, eventually, startHarness } from "../harness";
import { Browser, launchBrowser } from "./browser";

// A loaded 2-core machine: every wait is on a condition, with room to spare.
jest.setTimeout(240_000);

/** Console panels each role must see, and one it must not. */
const panelsOf: [string, string[], string | undefined][] = [
  ["manager", ["declare", "approvals", "audit", "dead-letters"], undefined],
  ["approver", ["approvals"], "declare"],
  ["staffing_officer", ["acknowledgements"], "declare"],
  ["facility_admin", ["shelter-ops", "occupancy"], "declare"],
];

describe("signing in at the identity provider (the dev oidc-provider) in real Chromium", () => {
  let h: Harness;
  let browser: Browser;

  /** The provider's own login form, as a person fills it in. */
  const signInAtProvider = async (page: Page, login: string) => {
    await page.waitForURL((url) => url.href.startsWith(h.signIn.issuer));
    await page.getByLabel(/ユーザー名/).fill(login);
    await page.getByLabel(/パスワード/).fill(h.signIn.password);
    await page.getByRole("button", { name: "サインイン" }).click();
  };
  const signInFromConsole = async (page: Page, login: string) => {
    await page.goto(`${h.base}/console?lang=ja`);
    await page.getByRole("link", { name: "サインイン" }).click();
    await signInAtProvider(page, login);
    await page.waitForURL(`${h.base}/console?lang=ja`);
    await page.locator("#who", { hasText: `${login}@embedded` }).waitFor();
  };
  const me = (page: Page) => page.evaluate(async () => (await fetch("/api/v1/me")).status);

  beforeAll(async () => {
    h = await startHarness();
    browser = await launchBrowser(h.base);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await h?.stop();
  }, 120_000);
  // Each test starts signed out, here and at the provider.
  beforeEach(() => browser.context.clearCookies());

  it.each(panelsOf)("signs a %s in through the provider's form, back on the console with their panels", async (role, shown, notShown) => {
    const page = await browser.context.newPage();
    await signInFromConsole(page, role);
    for (const id of shown) await page.locator(`#${id}`).waitFor({ state: "visible" });
    if (notShown) expect(await page.locator(`#${notShown}`).isHidden()).toBe(true);
    // The session is an HttpOnly cookie; the page keeps no token anywhere it could read.
    const cookie = (await browser.context.cookies(h.base)).find((c) => c.name === "crisis_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    const stored = await page.evaluate(() => [...Object.values(localStorage), ...Object.values(sessionStorage)].join(" "));
    expect(stored).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
    await page.close();
  });

  it("refuses a write posted from another origin of the same site with the session's cookie, and nothing changes", async () => {
    const page = await browser.context.newPage();
    await signInFromConsole(page, "manager");
    // The provider's origin (same host, another port): SameSite=Lax alone would let the cookie go along.
    await page.goto(`${h.signIn.issuer}/.well-known/openid-configuration`);
    const refused = page.waitForResponse((r) => r.url() === `${h.base}/api/v1/mode`);
    await page.evaluate((target) => {
      // A text/plain form whose body reads as JSON: the classic cross-site declaration.
      const form = document.createElement("form");
      form.method = "POST";
      form.action = target;
      form.enctype = "text/plain";
      const field = document.createElement("input");
      field.name = '{"incident":"earthquake","level":"emergency","wards":[],"reason":"forged","x":"';
      field.value = '"}';
      form.append(field);
      document.body.append(form);
      form.submit();
    }, `${h.base}/api/v1/mode`);
    const response = await refused;
    expect(response.status()).toBe(403);
    expect(await response.json()).toMatchObject({ code: "CROSS_ORIGIN_WRITE" });
    expect((await h.api("GET", "/api/v1/mode")).body.level).toBe("normal");
    await page.goto(`${h.base}/console?lang=ja`);
    expect(await me(page)).toBe(200);
    await page.close();
  });

  it("takes a staff member who opens a notice's link signed out through sign-in and lands them on that notice; サインアウト ends the session", async () => {
    const manager = { authorization: `Bearer ${await h.token("manager")}` };
    const officer = { authorization: `Bearer ${await h.token("staffing_officer")}` };
    const declared = await h.api(
      "POST",
      "/api/v1/mode",
      { incident: "flood", level: "emergency", wards: ["北区"], reason: "白川氾濫" },
      manager,
    );
    expect(declared.status).toBe(201);
    const staffId = await eventually(
      async () => {
        const proposed = await h.api("POST", "/api/v1/staffing/plans", {}, officer);
        if (proposed.status !== 200) return undefined;
        const applied = await h.api("POST", `/api/v1/staffing/plans/${proposed.body.id}/apply`, {}, officer);
        const change = (proposed.body.changes as { staffId: string; to: string | null }[]).find((c) => c.to);
        return applied.status === 200 && change ? change.staffId : undefined;
      },
      "a staffing plan for 北区's shelters proposed and applied",
      200_000,
      1_000,
    );
    const noticeId = await eventually(
      async () =>
        (await h.api("GET", "/api/v1/staff/me/duties", undefined, { authorization: `Bearer ${await h.token("staff", staffId)}` })).body
          .notices?.[0]?.id as string | undefined,
      "the person's notice on their record",
      120_000,
      500,
    );

    const phone = await browser.context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    const link = `${h.base}/staff/notices/${encodeURIComponent(noticeId)}`;
    await phone.goto(link);
    await signInAtProvider(phone, staffId);
    await phone.waitForURL(link);
    await phone.locator(`#notices li.opened[data-id="${noticeId}"]`).waitFor({ state: "visible" });
    expect(await phone.locator("#who").textContent()).toContain(staffId);

    await phone.getByRole("button", { name: "サインアウト" }).click();
    // Through the provider's end-session page and back to the status page: both sessions are over.
    await phone.waitForURL(`${h.base}/`);
    expect((await browser.context.cookies(h.base)).some((c) => c.name === "crisis_session")).toBe(false);
    const again = await browser.context.newPage();
    expect((await again.goto(`${h.base}/api/v1/me`))?.status()).toBe(401);
    // The provider's own session ended too: the notice link asks for the password again.
    await again.goto(link);
    await again.waitForURL((url) => url.href.startsWith(h.signIn.issuer));
    await again.getByLabel(/パスワード/).waitFor({ state: "visible" });
    await again.close();
    await phone.close();
  }, 400_000);

  it("keeps a signed-in person working after the provider rotates its signing key, and a new sign-in works with the new key", async () => {
    const desk = await browser.context.newPage();
    await signInFromConsole(desk, "manager");
    const kid = await h.signIn.rotateKey();
    expect(kid).toEqual(expect.any(String));
    await desk.reload();
    await desk.locator("#who", { hasText: "manager@embedded" }).waitFor();
    expect(await me(desk)).toBe(200);
    const preview = await desk.evaluate(async () => {
      const res = await fetch("/api/v1/mode/preview", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ incident: "earthquake", level: "emergency", wards: [], reason: "余震" }),
      });
      return res.status;
    });
    expect(preview).toBe(200);

    // Closed first: an open console whose session is gone goes to sign in again by itself.
    await desk.close();
    await browser.context.clearCookies();
    const other = await browser.context.newPage();
    await signInFromConsole(other, "approver");
    await other.locator("#approvals").waitFor({ state: "visible" });
    await other.close();
  });
});
