import { BrowserSubscription } from "@crisis/platform/testing";
import { Harness, eventually, startHarness } from "./harness";
import { floodKitaAndProposePlan } from "./support/flood-kita";

/**
 * Done when of the staffing issue: a declaration that opens shelters gives a proposed plan;
 * applying it sends a push to each reassigned person's own subscription (decrypted by the local
 * push service), and each person reads and answers only their own notices with their own token.
 */
describe("a staffing plan applied reaches each reassigned person as a decrypted push and on their page", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.stop());

  it("story: 北区 floods, an officer proposes and applies a plan, every reassigned person's phone gets their duty in their language, one acknowledges, one declines and the replacement is told, and nobody reaches another's notice", async () => {
    const { officer, plan } = await floodKitaAndProposePlan(h);
    const reassigned: string[] = [...new Set(plan.changes.filter((c) => c.to).map((c) => c.staffId))];
    expect(reassigned.length).toBeGreaterThan(2);

    // Each person's phone subscribes to their own topic; the first reads English.
    const phones = new Map<string, BrowserSubscription>();
    for (const [i, staffId] of reassigned.entries()) {
      const phone = h.pushService.subscribe();
      const res = await h.api("POST", "/api/v1/subscriptions", {
        subscription: phone.json,
        topics: [`staff:${staffId}`],
        lang: i === 0 ? "en" : "ja",
      });
      expect(res.status).toBe(201);
      phones.set(staffId, phone);
    }
    const bystander = h.pushService.subscribe();
    await h.api("POST", "/api/v1/subscriptions", { subscription: bystander.json, topics: ["staff:nobody-at-all"] });

    const applied = await h.api("POST", `/api/v1/staffing/plans/${plan.id}/apply`, {}, officer);
    expect(applied.body).toMatchObject({ reassigned: plan.changes.length, alreadyApplied: false });
    const pushesTo = (staffId: string) => h.pushService.messagesFor(phones.get(staffId)!.id).map((m) => JSON.parse(m.text));
    await eventually(
      async () => reassigned.every((staffId) => pushesTo(staffId).length > 0),
      "every reassigned person's phone got a push",
      120_000,
      500,
    );

    const [english, first, second] = reassigned;
    const pageOf = async (staffId: string) =>
      (await h.api("GET", "/api/v1/staff/me/duties", undefined, { authorization: `Bearer ${await h.token("staff", staffId)}` })).body;
    for (const staffId of [english, first]) {
      const page = await pageOf(staffId);
      const [notice] = page.notices;
      expect(notice).toMatchObject({ kind: "reassigned", state: "pending" });
      const push = pushesTo(staffId)[0];
      expect(push.tag).toBe(`staff.${notice.id}`);
      expect(push.body).toContain(notice.duty.facilityName);
      expect(push.title).toBe(staffId === english ? "Kumamoto City: your emergency assignment" : "熊本市 職員配置の通知");
    }
    expect(h.pushService.messagesFor(bystander.id)).toEqual([]);

    const as = async (staffId: string) => ({ authorization: `Bearer ${await h.token("staff", staffId)}` });
    const firstNotice = (await pageOf(first)).notices[0];
    const secondNotice = (await pageOf(second)).notices[0];
    // Another person's notice does not exist for the caller, whatever the answer.
    expect((await h.api("POST", `/api/v1/staff/me/notices/${secondNotice.id}/ack`, {}, await as(first))).body).toMatchObject({
      status: 404,
      code: "NOTICE_NOT_FOUND",
    });
    expect((await pageOf(second)).notices[0].state).toBe("pending");
    const ack = await h.api("POST", `/api/v1/staff/me/notices/${firstNotice.id}/ack`, {}, await as(first));
    expect(ack).toMatchObject({ status: 200, body: { notice: { id: firstNotice.id, state: "acknowledged" } } });

    const decline = await h.api("POST", `/api/v1/staff/me/notices/${secondNotice.id}/decline`, { reason: "自宅が浸水" }, await as(second));
    expect(decline.status).toBe(200);
    expect(decline.body.notice).toMatchObject({ state: "declined", reason: "自宅が浸水" });
    // The made-up city leaves thousands at their desks: someone fits.
    const replacement = decline.body.replacement;
    expect(replacement).toEqual({ staffId: expect.any(String), name: expect.any(String) });
    expect(reassigned).not.toContain(replacement.staffId);
    const theirs = await pageOf(replacement.staffId);
    expect(theirs.notices[0]).toMatchObject({ kind: "reassigned", state: "pending", duty: { postId: secondNotice.duty.postId } });
    expect((await pageOf(second)).next?.postId).not.toBe(secondNotice.duty.postId);
    const tally = (await h.api("GET", "/api/v1/staffing/acknowledgements", undefined, officer)).body;
    expect(tally).toMatchObject({ acknowledged: 1, declined: 1 });
    expect(tally.total).toBe(plan.changes.length + 1);
  }, 300_000);
});
