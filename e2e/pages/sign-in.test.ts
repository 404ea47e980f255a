/// <reference lib="dom" />
// The test drives a real browser: functions passed to page.evaluate run there, with the DOM.
import { Page } from "playwright-core";
import { eventually } from "../harness";
import { bearer, declare } from "../support/api";
import { systemAndBrowserForSuite } from "../support/pages";

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
  const suite = systemAndBrowserForSuite();

  /** The provider's own login form, as a person fills it in. */
  const signInAtProvider = async (page: Page, login: string) => {
    await page.waitForURL((url) => url.href.startsWith(suite.h.signIn.issuer));
    await page.getByLabel(/ユーザー名/).fill(login);
    await page.getByLabel(/パスワード/).fill(suite.h.signIn.password);
    await page.getByRole("button", { name: "サインイン" }).click();
  };
  const signInFromConsole = async (page: Page, login: string) => {
    await page.goto(`${suite.h.base}/console?lang=ja`);
    await page.getByRole("link", { name: "サインイン" }).click();
    await signInAtProvider(page, login);
    await page.waitForURL(`${suite.h.base}/console?lang=ja`);
    await page.locator("#who", { hasText: `${login}@embedded` }).waitFor();
  };
  const me = (page: Page) => page.evaluate(async () => (await fetch("/api/v1/me")).status);

  // Each test starts signed out, here and at the provider.
  beforeEach(() => suite.browser.context.clearCookies());

  it.each(panelsOf)("signs a %s in through the provider's form, back on the console with their panels", async (role, shown, notShown) => {
    const page = await suite.browser.context.newPage();
    await signInFromConsole(page, role);
    for (const id of shown) await page.locator(`#${id}`).waitFor({ state: "visible" });
    if (notShown) expect(await page.locator(`#${notShown}`).isHidden()).toBe(true);
    // The session is an HttpOnly cookie; the page keeps no token anywhere it could read.
    const cookie = (await suite.browser.context.cookies(suite.h.base)).find((c) => c.name === "crisis_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    const stored = await page.evaluate(() => [...Object.values(localStorage), ...Object.values(sessionStorage)].join(" "));
    expect(stored).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
    await page.close();
  });

  it("refuses a write posted from another origin of the same site with the session's cookie, and nothing changes", async () => {
    const page = await suite.browser.context.newPage();
    await signInFromConsole(page, "manager");
    // The provider's origin (same host, another port): SameSite=Lax alone would let the cookie go along.
    await page.goto(`${suite.h.signIn.issuer}/.well-known/openid-configuration`);
    const refused = page.waitForResponse((r) => r.url() === `${suite.h.base}/api/v1/mode`);
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
    }, `${suite.h.base}/api/v1/mode`);
    const response = await refused;
    expect(response.status()).toBe(403);
    expect(await response.json()).toMatchObject({ code: "CROSS_ORIGIN_WRITE" });
    expect((await suite.h.api("GET", "/api/v1/mode")).body.level).toBe("normal");
    await page.goto(`${suite.h.base}/console?lang=ja`);
    expect(await me(page)).toBe(200);
    await page.close();
  });

  it("takes a staff member who opens a notice's link signed out through sign-in and lands them on that notice; サインアウト ends the session", async () => {
    const manager = await bearer(suite.h, "manager");
    const officer = await bearer(suite.h, "staffing_officer");
    await declare(suite.h, { incident: "flood", level: "emergency", wards: ["北区"], reason: "白川氾濫" }, manager);
    const staffId = await eventually(
      async () => {
        const proposed = await suite.h.api("POST", "/api/v1/staffing/plans", {}, officer);
        if (proposed.status !== 200) return undefined;
        const applied = await suite.h.api("POST", `/api/v1/staffing/plans/${proposed.body.id}/apply`, {}, officer);
        const change = (proposed.body.changes as { staffId: string; to: string | null }[]).find((c) => c.to);
        return applied.status === 200 && change ? change.staffId : undefined;
      },
      "a staffing plan for 北区's shelters proposed and applied",
      200_000,
      1_000,
    );
    const noticeId = await eventually(
      async () =>
        (
          await suite.h.api("GET", "/api/v1/staff/me/duties", undefined, {
            authorization: `Bearer ${await suite.h.token("staff", staffId)}`,
          })
        ).body.notices?.[0]?.id as string | undefined,
      "the person's notice on their record",
      120_000,
      500,
    );

    const phone = await suite.browser.context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    const link = `${suite.h.base}/staff/notices/${encodeURIComponent(noticeId)}`;
    await phone.goto(link);
    await signInAtProvider(phone, staffId);
    await phone.waitForURL(link);
    await phone.locator(`#notices li.opened[data-id="${noticeId}"]`).waitFor({ state: "visible" });
    expect(await phone.locator("#who").textContent()).toContain(staffId);

    await phone.getByRole("button", { name: "サインアウト" }).click();
    // Through the provider's end-session page and back to the status page: both sessions are over.
    await phone.waitForURL(`${suite.h.base}/`);
    expect((await suite.browser.context.cookies(suite.h.base)).some((c) => c.name === "crisis_session")).toBe(false);
    const again = await suite.browser.context.newPage();
    expect((await again.goto(`${suite.h.base}/api/v1/me`))?.status()).toBe(401);
    // The provider's own session ended too: the notice link asks for the password again.
    await again.goto(link);
    await again.waitForURL((url) => url.href.startsWith(suite.h.signIn.issuer));
    await again.getByLabel(/パスワード/).waitFor({ state: "visible" });
    await again.close();
    await phone.close();
  }, 400_000);

  it("keeps a signed-in person working after the provider rotates its signing key, and a new sign-in works with the new key", async () => {
    const desk = await suite.browser.context.newPage();
    await signInFromConsole(desk, "manager");
    const kid = await suite.h.signIn.rotateKey();
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
    await suite.browser.context.clearCookies();
    const other = await suite.browser.context.newPage();
    await signInFromConsole(other, "approver");
    await other.locator("#approvals").waitFor({ state: "visible" });
    await other.close();
  });
});
