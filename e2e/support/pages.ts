/// <reference lib="dom" />
// Steps the page tests share: signing in as a role and asking axe for serious violations.
import { readFileSync } from "node:fs";
import { Page } from "playwright-core";
import { Harness } from "../harness";
import { Role } from "../../services/gateway/src/adapters/auth/tokens";

const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/**
 * Opens a console or staff page as the role, its calls carrying a bearer token as an API client's
 * would (sign-in through the provider's form is e2e/pages/sign-in.test.ts); several people at once.
 */
export async function signInAs(h: Harness, page: Page, role: Role, subject?: string) {
  await page.setExtraHTTPHeaders({ authorization: `Bearer ${await h.token(role, subject)}` });
  await page.reload();
}

/** Serious and critical axe violations on the page as it is now, one line each. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await (window as any).axe.run(document, { resultTypes: ["violations"] });
    return result.violations
      .filter((v: any) => v.impact === "serious" || v.impact === "critical")
      .map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(" ")).join(", ")}`);
  });
}
