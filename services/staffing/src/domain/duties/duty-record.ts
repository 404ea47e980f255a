import { sayStaff } from "@crisis/platform/contracts";
import type { Assignment, Post, StaffMember } from "../types";

/** One shift on one emergency post, as the person is told it (times ISO UTC). */
export interface Duty {
  readonly postId: string;
  readonly postName: string;
  /** The shelter's facility id; "" for posts not at a facility (call centre, rounds, counters). */
  readonly facilityId: string;
  /** The counter service's id on a counter's post; "" otherwise (absent on records written before it was kept). */
  readonly serviceId?: string;
  readonly facilityName: string;
  readonly ward: string;
  readonly duty: string;
  readonly startsAt: string;
  readonly endsAt: string;
  /** The post's lead by name, or the place's 責任者 when nobody leads it yet (or the person leads it). */
  readonly reportTo: string;
  readonly reportToPhone?: string;
  /** Where to go (absent on posts without a known place, and on records written before it was kept). */
  readonly address?: string;
  readonly latitude?: number;
  readonly longitude?: number;
  /** What to bring, from the post's template. */
  readonly bring?: readonly string[];
}

/** Whom the people on a post report to: a person from the roster, reached on their phone. */
export interface PostLead {
  readonly name: string;
  readonly phone?: string;
}

/** `team`: someone left the person's post to keep their department's floor (told, not answered with a decline). */
export type NoticeKind = "reassigned" | "released" | "reminder" | "returned" | "team";
export type NoticeState = "pending" | "acknowledged" | "declined";

export interface Notice {
  readonly id: string;
  readonly kind: NoticeKind;
  readonly duty: Duty | null;
  readonly sentAt: string;
  readonly state: NoticeState;
  readonly answeredAt?: string;
  readonly reason?: string;
  /** A reminder answers for the notice it reminds of. */
  readonly about?: string;
  /** When the person was reminded, and when their department's head was told. */
  readonly remindedAt?: string;
  readonly escalatedAt?: string;
}

/** Everything staffing keeps about one person's emergency work: one document, so one write changes it. */
export interface StaffRecord {
  readonly staffId: string;
  /** The duties in force, oldest first. */
  readonly duties: readonly Duty[];
  /** Newest last. */
  readonly notices: readonly Notice[];
  /** Minutes served on emergency duties (ended or cut short by a release). */
  readonly minutesOnDuty: number;
  /** Duties already counted in minutesOnDuty, so that counting again adds nothing. */
  readonly counted: readonly string[];
  /** When the last duty counted ended (ISO): the rest rule of the next plan starts from it. */
  readonly lastDutyEnd?: string;
}

export const emptyRecord = (staffId: string): StaffRecord => ({ staffId, duties: [], notices: [], minutesOnDuty: 0, counted: [] });

/** What a person is told about a post: where, when, which duty, until when, whom to report to. */
export function dutyOf(post: Post, lead?: PostLead): Duty {
  const shift = post.id.slice(post.id.lastIndexOf("@") + 1);
  return {
    postId: post.id,
    postName: `${post.place} ${post.duty} (${shift})`,
    facilityId: post.facilityId ?? "",
    serviceId: post.serviceId ?? "",
    facilityName: post.place,
    ward: post.ward,
    duty: post.duty,
    startsAt: post.start.toISOString(),
    endsAt: post.end.toISOString(),
    reportTo: lead?.name ?? sayStaff("ja", "placeLead", { place: post.place }),
    ...(lead?.phone ? { reportToPhone: lead.phone } : {}),
    ...(post.address ? { address: post.address } : {}),
    ...(post.latitude || post.longitude ? { latitude: post.latitude, longitude: post.longitude } : {}),
    ...(post.bring?.length ? { bring: post.bring } : {}),
  };
}

/**
 * The leads of a plan's posts: whoever holds a post's first position (the one the template asks
 * training for), named and reached as the roster has them. Asked for a post and a person: none
 * for the lead themself or an unfilled first position.
 */
export function postLeads(
  assignments: readonly Pick<Assignment, "staffId" | "postId" | "position">[],
  staff: readonly Pick<StaffMember, "id" | "name" | "phone">[],
): (postId: string, staffId: string) => PostLead | undefined {
  const leads = new Map(assignments.filter((a) => a.position === 0).map((a) => [a.postId, a.staffId]));
  const people = new Map(staff.map((p) => [p.id, p]));
  return (postId, staffId) => {
    const lead = leads.get(postId);
    const person = lead === undefined || lead === staffId ? undefined : people.get(lead);
    return person ? { name: person.name, ...(person.phone ? { phone: person.phone } : {}) } : undefined;
  };
}

/** Where a duty is, as events carry it: the shelter's facility id or the counter service's id ("" when neither). */
export const placeOf = (duty: Duty | null | undefined) => ({ facilityId: duty?.facilityId ?? "", serviceId: duty?.serviceId ?? "" });

/** The duty under way at `now`, and the first one after it. */
export function currentAndNext(duties: readonly Duty[], now: Date): { current: Duty | null; next: Duty | null } {
  const t = now.getTime();
  const sorted = [...duties].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return {
    current: sorted.find((d) => Date.parse(d.startsAt) <= t && t < Date.parse(d.endsAt)) ?? null,
    next: sorted.find((d) => Date.parse(d.startsAt) > t) ?? null,
  };
}

/** Adds a notice unless one with its id is there already (a re-run after a crash adds nothing twice). */
export function withNotice(record: StaffRecord, notice: Notice): StaffRecord {
  return record.notices.some((n) => n.id === notice.id) ? record : { ...record, notices: [...record.notices, notice] };
}

/** Replaces the notice with this id. */
export const withChangedNotice = (record: StaffRecord, id: string, change: (n: Notice) => Notice): StaffRecord => ({
  ...record,
  notices: record.notices.map((n) => (n.id === id ? change(n) : n)),
});

const minutesBetween = (from: number, to: number) => Math.max(0, Math.round((to - from) / 60_000));

/**
 * Counts the duties that have ended by `now` into the minutes on duty and drops them; with
 * `release`, the duty under way is cut short at `now` and every later one dropped too.
 */
export function closeDuties(record: StaffRecord, now: Date, release = false): StaffRecord {
  const t = now.getTime();
  let minutes = record.minutesOnDuty;
  let lastEnd = record.lastDutyEnd ? Date.parse(record.lastDutyEnd) : 0;
  const counted = [...record.counted];
  const kept: Duty[] = [];
  for (const d of record.duties) {
    const start = Date.parse(d.startsAt);
    const end = Date.parse(d.endsAt);
    const over = end <= t;
    if (!over && !release) {
      kept.push(d);
      continue;
    }
    if (start < t && !counted.includes(d.postId)) {
      minutes += minutesBetween(start, Math.min(end, t));
      lastEnd = Math.max(lastEnd, Math.min(end, t));
      counted.push(d.postId);
    }
  }
  if (kept.length === record.duties.length) return record;
  const lastDutyEnd = lastEnd > 0 ? new Date(lastEnd).toISOString() : undefined;
  return { ...record, duties: kept, minutesOnDuty: minutes, counted: counted.slice(-50), ...(lastDutyEnd && { lastDutyEnd }) };
}
