import { ChangeSource } from "@crisis/platform/contracts";
import { channelKey, levelBoundaries } from "../domain/counter-services";
import { boundaries } from "../domain/restriction";
import { BoundaryIndex } from "../domain/schedule-index";
import { announceCondition, announceLevel } from "./announce";
import { FacilitiesDeps } from "./ports";

const schedule = ChangeSource.CHANGE_SOURCE_SCHEDULE;

/**
 * Opens and closes restriction and service-level windows as time passes. Each tick looks only at
 * what has a window boundary since the last tick (every facility on the first tick after a start),
 * publishes only real changes, and names each event by the facility and the boundary, so a restart
 * in the middle of a window publishes nothing twice.
 */
export class Scheduler {
  private lastTick = -Infinity;
  private index = new BoundaryIndex();
  private indexed = -1;
  private readonly facilityBoundaries = new Map<string, number[]>();
  private readonly channelBoundaries = new Map<string, number[]>();

  constructor(private readonly deps: FacilitiesDeps) {}

  private reindex(): void {
    const board = this.deps.board;
    if (this.indexed === board.version) return;
    this.index = new BoundaryIndex();
    this.facilityBoundaries.clear();
    this.channelBoundaries.clear();
    for (const record of board.records.values()) {
      const times = record.restrictions.flatMap(boundaries);
      if (!times.length) continue;
      this.facilityBoundaries.set(record.facility.id, times);
      for (const t of times) this.index.add(t, `f|${record.facility.id}`);
    }
    for (const def of board.serviceDefs.values())
      for (const channel of def.channels) {
        const times = board.decisionsOf(def.id, channel).flatMap(levelBoundaries);
        if (!times.length) continue;
        this.channelBoundaries.set(channelKey(def.id, channel), times);
        for (const t of times) this.index.add(t, `s|${def.id}|${channel}`);
      }
    this.indexed = board.version;
  }

  /** One tick at the clock's time; resolves to the number of events published. */
  async tick(correlationId = "schedule"): Promise<number> {
    const now = this.deps.clock.now();
    const t = now.getTime();
    this.reindex();
    let published = 0;
    for (const key of this.index.due(this.lastTick, t)) {
      const [kind, id, channel] = key.split("|");
      const times = kind === "f" ? this.facilityBoundaries.get(id) : this.channelBoundaries.get(channelKey(id, channel));
      const boundary = new Date(BoundaryIndex.latest(times ?? [], t) ?? t).toISOString();
      const cause = { causeEventId: `schedule.${boundary}`, source: schedule, at: now };
      const change =
        kind === "f"
          ? await announceCondition(this.deps, id, { ...cause, eventId: `sched.${id}.${boundary}` }, correlationId)
          : await announceLevel(this.deps, id, channel, { ...cause, eventId: `sched.${id}.${channel}.${boundary}` }, correlationId);
      if (change) published++;
    }
    this.lastTick = t;
    return published;
  }
}
