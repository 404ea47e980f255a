import { Harness, eventually } from "../harness";

/** A role's bearer header, as an API client sends it. */
export const bearer = async (h: Harness, role: Parameters<Harness["token"]>[0], subject?: string) => ({
  authorization: `Bearer ${await h.token(role, subject)}`,
});

/** What a manager declares (or stands down to): the console's declaration form. */
export interface Declaration {
  incident: string;
  level: string;
  wards?: string[];
  reason: string;
}

/** A manager declares (or stands down) and it takes effect at once (201, no second person asked); its answer. */
export async function declare(h: Harness, declaration: Declaration, manager?: Record<string, string>) {
  const declared = await h.api("POST", "/api/v1/mode", declaration, manager ?? (await bearer(h, "manager")));
  expect(declared.status).toBe(201);
  return declared;
}

/** A plan's changes: who moves to which post (`to: null`, back to their desk). */
export interface PlanChanges {
  changes: { staffId: string; to: string | null }[];
}

/**
 * Proposes a staffing plan and applies it, again until one applies (staffing may still be planning for
 * the declaration, or a newer plan may have been proposed meanwhile); the plan applied.
 */
export function applyAPlan(h: Harness, as: Record<string, string>, limitMs = 180_000): Promise<PlanChanges> {
  return eventually(
    async () => {
      const proposed = await h.api("POST", "/api/v1/staffing/plans", {}, as);
      if (proposed.status !== 200) return undefined;
      const applied = await h.api("POST", `/api/v1/staffing/plans/${proposed.body.id}/apply`, {}, as);
      return applied.status === 200 ? (proposed.body as PlanChanges) : undefined;
    },
    "a staffing plan applied",
    limitMs,
    1_000,
  );
}

/** A reassigned person answers the first notice on their record once it is there (ack, or decline with a reason); the answer. */
export async function answerFirstNotice(h: Harness, staffId: string, answer: "ack" | "decline", body: { reason?: string } = {}) {
  const as = await bearer(h, "staff", staffId);
  const notice = await eventually(
    async () => (await h.api("GET", "/api/v1/staff/me/duties", undefined, as)).body.notices?.[0],
    "a notice",
    60_000,
    500,
  );
  return h.api("POST", `/api/v1/staff/me/notices/${notice.id}/${answer}`, body, as);
}
