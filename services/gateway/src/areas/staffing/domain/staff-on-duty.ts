import { StaffReassigned, StaffReleased } from "@crisis/platform/contracts/events";

interface Post {
  facilityId?: string;
  serviceId?: string;
  startsAt: number;
  endsAt: number;
}

/**
 * Who is on which shelter's post, from staffing's events: a person holds one post at a time (the
 * latest reassignment) until released. Staff may report from a while before their shift to a
 * while after it (handover), hence the grace.
 */
export class StaffOnDuty {
  private readonly posts = new Map<string, Post>();

  constructor(private readonly graceMs = 60 * 60_000) {}

  reassigned(e: StaffReassigned): void {
    const endsAt = Date.parse(e.endsAt);
    this.posts.set(e.staffId, {
      facilityId: e.facilityId || undefined,
      serviceId: e.serviceId || undefined,
      startsAt: Date.parse(e.startsAt) || 0,
      endsAt: Number.isNaN(endsAt) ? Infinity : endsAt,
    });
  }

  released(e: StaffReleased): void {
    this.posts.delete(e.staffId);
  }

  isOnPostAt(staffId: string, facilityId: string, now: Date): boolean {
    return this.current(staffId, now)?.facilityId === facilityId;
  }

  /** On a post at a counter of this service now (any ward's office). */
  isOnCounterOf(staffId: string, serviceId: string, now: Date): boolean {
    return this.current(staffId, now)?.serviceId === serviceId;
  }

  private current(staffId: string, now: Date): Post | undefined {
    const post = this.posts.get(staffId);
    const t = now.getTime();
    return post && t >= post.startsAt - this.graceMs && t < post.endsAt + this.graceMs ? post : undefined;
  }
}
