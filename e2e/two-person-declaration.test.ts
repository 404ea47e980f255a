import { Harness, eventually, startHarness } from "./harness";

const quake = { incident: "earthquake", level: "emergency", wards: ["北区"], reason: "M6.5 北区で震度6弱" };

describe("a two-person declaration through the real services", () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ env: { APPROVAL_REQUIRED: "normal-to-emergency" } });
  });
  afterAll(() => h.stop());

  it("story: a manager previews an emergency for Kita Ward, declares it, an approver sees the same preview and approves, facilities opens the shelters, and the audit trail holds both steps", async () => {
    const manager = { authorization: `Bearer ${await h.token("manager")}` };
    const approver = { authorization: `Bearer ${await h.token("approver")}` };

    const preview = await h.api("POST", "/api/v1/mode/preview", quake, manager);
    expect(preview.status).toBe(200);
    const opening = preview.body.preview.facilities.filter((f: any) => f.shelterAfter === "open");
    expect(opening.length).toBeGreaterThan(0);
    expect(opening.every((f: any) => f.ward === "北区")).toBe(true);

    const requested = await h.api("POST", "/api/v1/mode", quake, manager);
    expect(requested.status).toBe(202);
    expect(requested.body.preview).toEqual(preview.body.preview);
    expect((await h.api("GET", "/api/v1/mode")).body).toMatchObject({ level: "normal" });

    const pending = await h.api("GET", "/api/v1/mode/pending", undefined, approver);
    expect(pending.body.pending).toEqual([requested.body]);
    const approved = await h.api("POST", `/api/v1/mode/pending/${requested.body.pendingId}/approve`, undefined, approver);
    expect(approved).toMatchObject({
      status: 201,
      body: { approvedBy: "approver@e2e", mode: { level: "emergency", declaredBy: "manager@e2e" } },
    });

    // Facilities opens exactly the shelters the preview promised.
    const status = await eventually(async () => {
      const res = await h.api("GET", "/api/v1/status");
      return res.body.summary?.shelter_open === opening.length && res.body;
    }, "facilities opened the previewed shelters");
    const open = status.facilities.filter((f: any) => f.status === "shelter_open").map((f: any) => f.id);
    expect(open.sort()).toEqual(opening.map((f: any) => f.facilityId).sort());

    const audit = await h.api("GET", "/api/v1/audit?kind=mode.approved", undefined, manager);
    expect(audit.body.records).toEqual([
      expect.objectContaining({ actor: "approver@e2e", approver: "approver@e2e", preview: JSON.stringify(requested.body.preview) }),
    ]);
  });
});
