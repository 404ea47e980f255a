import { Harness, eventually, startHarness } from "./harness";
import { floodKitaAndProposePlan } from "./support/flood-kita";

/**
 * Two instances of every service; staffing keeps one active instance and a standby that does not
 * listen until it takes the lease. The active staffing instance is killed while a staff member's
 * page is being asked for: the gateway's duties client (the shared channel: every instance, a
 * reconnect within two seconds) finds the standby once it took over, and the page answers again
 * with the same duties, read from the shared duty book.
 */
describe("a staff page through a staffing take-over", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ instances: 2, env: { LEASE_TTL_MS: "3000" } });
  }, 180_000);
  afterAll(() => h?.stop());

  const readyz = (url: string) =>
    fetch(url).then(
      async (r) => (await r.json()) as { ready: boolean; checks: Record<string, boolean> },
      () => undefined,
    );

  it("kills the active staffing instance during a staff page request; the page answers again after the standby takes over", async () => {
    expect((await readyz(h.system.readyUrl("staffing")))?.checks.active).toBe(true);
    expect(await readyz(h.second!.system.readyUrl("staffing"))).toEqual({ ready: true, checks: { standby: true } });

    const { officer, plan } = await floodKitaAndProposePlan(h);
    const staffId = plan.changes.find((c) => c.to)!.staffId;
    expect((await h.api("POST", `/api/v1/staffing/plans/${plan.id}/apply`, {}, officer)).status).toBeLessThan(300);

    const asStaff = { authorization: `Bearer ${await h.token("staff", staffId)}` };
    const page = () => h.api("GET", "/api/v1/staff/me/duties", undefined, asStaff);
    const before = await page();
    expect(before.status).toBe(200);
    expect(before.body.notices).toEqual([expect.objectContaining({ kind: "reassigned", state: "pending" })]);

    // The request in flight when the instance dies answers, at worst with a problem (never hangs).
    const during = page();
    await h.system.kill("staffing");
    expect([200, 502, 503, 504]).toContain((await during).status);

    await eventually(
      async () => (await readyz(h.second!.system.readyUrl("staffing")))?.checks.active === true,
      "the standby active",
      60_000,
      250,
    );
    let after = await page();
    await eventually(
      async () => (after = await page()).status === 200,
      "the staff page answered by the new active staffing instance",
      30_000,
      250,
    );
    expect(after.body).toMatchObject({ name: before.body.name, notices: before.body.notices });
  }, 300_000);
});
