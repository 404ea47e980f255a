import { createHash } from "node:crypto";
import type { EventPublisher } from "@crisis/platform/ports";
import { eventTypes } from "@crisis/platform/contracts";
import type { StaffFloor, StaffReassigned, StaffReleased, StaffTeamChanged } from "@crisis/platform/contracts/events";
import { closeDuties, dutyOf, placeOf, withNotice, type Duty, type Post, type PostLead, type Released } from "../domain";
import type { DutyBook } from "./ports";

/** Deterministic, so that a re-run after a crash publishes and records nothing twice. */
export const noticeId = (...parts: string[]) => createHash("sha256").update(parts.join("|")).digest("hex").slice(0, 24);

/** Where a notice goes: its event (notify pushes it to `staff:<id>`), and the person's record when one is kept. */
export interface Telling {
  readonly events: EventPublisher;
  readonly duties?: DutyBook;
}

export interface Reassignment {
  readonly id: string;
  readonly staffId: string;
  readonly planId: string;
  readonly post: Post;
  /** Every post the person holds in the plan now in force (this one included). */
  readonly posts: readonly Post[];
  readonly reason: string;
  readonly at: Date;
  /** Whom they report to on that post (none: the place's 責任者). */
  readonly lead?: PostLead;
}

/**
 * Tells a person of a new duty: crisis.staff.reassigned (notify pushes it to `staff:<id>`) and the
 * notice and duties on their record. Published first: a failed write is retried by applying again,
 * and the event id makes the second publish a no-op.
 */
export async function tellReassigned(deps: Telling, r: Reassignment, correlationId: string) {
  const duty = dutyOf(r.post, r.lead);
  const issuedAt = r.at.toISOString();
  const reassigned: StaffReassigned = {
    eventId: `staff-reassigned-${r.id}`,
    noticeId: r.id,
    staffId: r.staffId,
    planId: r.planId,
    postId: duty.postId,
    place: duty.facilityName,
    ward: duty.ward,
    duty: duty.duty,
    startsAt: duty.startsAt,
    endsAt: duty.endsAt,
    reportTo: duty.reportTo,
    reason: r.reason,
    issuedAt,
    ...placeOf(duty),
    address: duty.address ?? "",
    latitude: duty.latitude ?? 0,
    longitude: duty.longitude ?? 0,
    reportToPhone: duty.reportToPhone ?? "",
    bring: [...(duty.bring ?? [])],
  };
  await deps.events.publish(eventTypes.staffReassigned, reassigned, { eventId: reassigned.eventId, correlationId });
  await deps.duties?.update(r.staffId, (record) => {
    const told = withNotice(record, { id: r.id, kind: "reassigned", duty, sentAt: issuedAt, state: "pending" });
    if (told === record) return record;
    // What was served of the duties left behind counts before the new ones replace them; duties kept run on.
    const kept = new Set(r.posts.map((p) => p.id));
    const left = closeDuties({ ...told, duties: told.duties.filter((d) => !kept.has(d.postId)) }, r.at, true);
    return { ...left, duties: r.posts.map((p) => (p.id === r.post.id ? duty : dutyOf(p))) };
  });
}

export interface Release {
  readonly id: string;
  readonly staffId: string;
  readonly department: string;
  readonly reason: string;
  readonly at: Date;
  /** Set when the person is brought back to keep their department's continuity floor: a `returned` notice. */
  readonly floor?: Released["floor"];
}

/** Sends a person back to their home department: crisis.staff.released, a notice, and the hours served counted. */
export async function tellReleased(deps: Telling, r: Release, correlationId: string) {
  const releasedAt = r.at.toISOString();
  const leaving = deps.duties ? ((await deps.duties.get(r.staffId))?.duties[0] ?? null) : null;
  const released: StaffReleased = {
    eventId: `staff-released-${r.id}`,
    noticeId: r.id,
    staffId: r.staffId,
    department: r.department,
    reason: r.reason,
    releasedAt,
    floor: floorOf(r.floor),
    ...placeOf(leaving),
  };
  await deps.events.publish(eventTypes.staffReleased, released, { eventId: released.eventId, correlationId });
  const kind = r.floor ? "returned" : "released";
  await deps.duties?.update(r.staffId, (record) => {
    const left: Duty | null = record.duties[0] ?? null;
    const told = withNotice(record, { id: r.id, kind, duty: left, sentAt: releasedAt, state: "pending", reason: r.reason });
    return told === record ? record : closeDuties(told, r.at, true);
  });
}

export interface TeamChange {
  readonly id: string;
  /** Who is told: a person staying on the post. */
  readonly staffId: string;
  readonly post: Post;
  readonly left: { readonly staffId: string; readonly name: string };
  readonly floor: NonNullable<Released["floor"]>;
  /** Empty when nobody replaces them: the position is open. */
  readonly replacementName: string;
  readonly at: Date;
}

/**
 * Tells a person staying on a post that a teammate was brought back to keep their department's
 * floor, and who replaces them: crisis.staff.team.changed (a push) and a `team` notice on their page.
 */
export async function tellTeam(deps: Telling, t: TeamChange, correlationId: string) {
  const changedAt = t.at.toISOString();
  const duty = dutyOf(t.post);
  const changed: StaffTeamChanged = {
    eventId: `staff-team-${t.id}`,
    noticeId: t.id,
    staffId: t.staffId,
    postId: t.post.id,
    place: duty.facilityName,
    leftStaffId: t.left.staffId,
    leftName: t.left.name,
    floor: floorOf(t.floor),
    replacementName: t.replacementName,
    changedAt,
    ...placeOf(duty),
  };
  await deps.events.publish(eventTypes.staffTeamChanged, changed, { eventId: changed.eventId, correlationId });
  const floor = `${t.floor.departmentName}${t.floor.skill ? ` ${t.floor.skill}` : ""} ${t.floor.minimum}`;
  const reason = `${t.left.name} returned to keep the continuity floor (${floor}); replacement: ${t.replacementName || "none yet, the position is open"}`;
  await deps.duties?.update(t.staffId, (record) =>
    withNotice(record, { id: t.id, kind: "team", duty, sentAt: changedAt, state: "pending", reason }),
  );
}

const floorOf = (floor: Release["floor"]): StaffFloor | undefined =>
  floor && { department: floor.department, departmentName: floor.departmentName, skill: floor.skill ?? "", minimum: floor.minimum };

/** Runs a few at a time: a city-wide plan tells a thousand people, each a publish and a write. */
export async function inBatches<T>(items: readonly T[], size: number, run: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}
