import { ShelterOperation, Ward, distanceM, wards } from "@crisis/platform/contracts";
import {
  CrowdingLevel,
  OccupancyNeeds,
  OccupancyReported,
  ShelterCrowding,
  ShelterWithRoom,
  SupplyNeed,
  WardCrowding,
} from "@crisis/platform/contracts/crowding";
import { CityBoard } from "./city-board";
import { CrowdingThresholds, crowdingLevel, roomLeft } from "./crowding";

export interface CrowdingSettings {
  thresholds: CrowdingThresholds;
  /** A report older than this no longer tells how full a shelter is. */
  staleAfterMs: number;
}

/** The supplies a report tells of: each enough, short or out. */
export const supplies = ["water", "food", "blankets"] as const;

/** The supplies this report says are gone that the shelter's report before did not. */
export const newlyOut = (before: OccupancyNeeds | undefined, now: OccupancyNeeds) =>
  supplies.filter((s) => now[s] === SupplyNeed.SUPPLY_NEED_OUT && before?.[s] !== SupplyNeed.SUPPLY_NEED_OUT);

/** The supplies the shelter's report before said were gone that this report says are there (a report silent on one says nothing). */
export const backAgain = (before: OccupancyNeeds | undefined, now: OccupancyNeeds) =>
  supplies.filter(
    (s) =>
      before?.[s] === SupplyNeed.SUPPLY_NEED_OUT && (now[s] === SupplyNeed.SUPPLY_NEED_ENOUGH || now[s] === SupplyNeed.SUPPLY_NEED_SHORT),
  );

const { CROWDING_LEVEL_UNKNOWN, CROWDING_LEVEL_OPEN, CROWDING_LEVEL_BUSY, CROWDING_LEVEL_CROWDED, CROWDING_LEVEL_FULL } = CrowdingLevel;

/**
 * The latest occupancy report of every shelter, and what it means now: the level against the
 * capacity the registry holds today (a corrected capacity counts at once), its age, whether it is stale.
 */
export class ShelterOccupancy {
  private readonly latest = new Map<string, OccupancyReported>();
  /** Every report in stream order: a few per shelter and hour, small enough to keep. */
  readonly history: OccupancyReported[] = [];

  constructor(
    private readonly board: CityBoard,
    private readonly settings: CrowdingSettings,
  ) {}

  /** A report stored (now, or replayed at start in stream order). */
  apply(report: OccupancyReported): void {
    this.latest.set(report.facilityId, report);
    this.history.push(report);
  }

  /** The level now, stale or not (the starting point of the next report's hysteresis). */
  levelOf(id: string): CrowdingLevel {
    const report = this.latest.get(id);
    if (!report) return CROWDING_LEVEL_UNKNOWN;
    return crowdingLevel(report.headcount, this.board.record(id)?.facility.capacity, report.level, this.settings.thresholds);
  }

  /**
   * After a capacity change: the latest report's level against the new capacity, starting from the
   * level before the change (hysteresis), kept as the next report's starting point.
   */
  rerate(id: string, before: CrowdingLevel): OccupancyReported | undefined {
    const report = this.latest.get(id);
    if (!report) return undefined;
    const level = crowdingLevel(report.headcount, this.board.record(id)?.facility.capacity, before, this.settings.thresholds);
    const rerated = { ...report, level, previousLevel: before };
    this.latest.set(id, rerated);
    return rerated;
  }

  view(id: string, now: number): ShelterCrowding | undefined {
    const record = this.board.record(id);
    if (!record?.facility.canShelter) return undefined;
    const f = record.facility;
    const report = this.latest.get(id);
    const ageMs = report ? Math.max(0, now - Date.parse(report.reportedAt)) : 0;
    return ShelterCrowding.fromPartial({
      facilityId: f.id,
      facilityName: f.name,
      ward: f.ward,
      capacity: f.capacity,
      level: this.levelOf(id),
      latest: report,
      ageSeconds: Math.floor(ageMs / 1000),
      stale: report !== undefined && ageMs > this.settings.staleAfterMs,
      open: this.board.conditionAt(id, now).shelter === ShelterOperation.SHELTER_OPERATION_OPEN,
      latitude: f.latitude,
      longitude: f.longitude,
    });
  }

  /** Every shelter that is open now or has a report, ward by ward, then by id. */
  list(now: number, ward?: string): ShelterCrowding[] {
    const views: ShelterCrowding[] = [];
    for (const f of this.board.facilities) {
      if (!f.canShelter || (ward && f.ward !== ward)) continue;
      const view = this.view(f.id, now);
      if (view && (view.open || view.latest)) views.push(view);
    }
    return views.sort((a, b) => wards.indexOf(a.ward as Ward) - wards.indexOf(b.ward as Ward) || (a.facilityId < b.facilityId ? -1 : 1));
  }

  /**
   * The nearest open shelters with known room: a fresh report below full against a known capacity.
   * A shelter without a recent report is left out rather than guessed to have room.
   */
  nearestWithRoom(lat: number, lon: number, now: number, limit: number, except?: string): ShelterWithRoom[] {
    const found: ShelterWithRoom[] = [];
    for (const f of this.board.facilities) {
      if (f.id === except || !f.canShelter || (!f.latitude && !f.longitude)) continue;
      const view = this.view(f.id, now);
      if (!view?.open || view.stale || !view.latest) continue;
      if (view.level === CROWDING_LEVEL_UNKNOWN || view.level === CROWDING_LEVEL_FULL) continue;
      found.push({
        facilityId: f.id,
        facilityName: f.name,
        ward: f.ward,
        distanceM: Math.round(distanceM(lat, lon, f.latitude, f.longitude)),
        level: view.level,
        room: roomLeft(view.latest.headcount, f.capacity) ?? 0,
        latitude: f.latitude,
        longitude: f.longitude,
      });
    }
    return found.sort((a, b) => a.distanceM - b.distanceM || (a.facilityId < b.facilityId ? -1 : 1)).slice(0, limit);
  }

  /** Per ward: open shelters by level (a stale report counts as unknown), people, known capacity. */
  perWard(now: number): WardCrowding[] {
    const byWard = new Map(wards.map((w) => [w as string, WardCrowding.fromPartial({ ward: w })]));
    for (const view of this.list(now)) {
      const w = byWard.get(view.ward);
      if (!w || !view.open) continue;
      w.openShelters++;
      const level = view.stale ? CROWDING_LEVEL_UNKNOWN : view.level;
      if (level === CROWDING_LEVEL_OPEN) w.openLevel++;
      else if (level === CROWDING_LEVEL_BUSY) w.busy++;
      else if (level === CROWDING_LEVEL_CROWDED) w.crowded++;
      else if (level === CROWDING_LEVEL_FULL) w.full++;
      else w.unknown++;
      if (view.latest && !view.stale) w.headcount += view.latest.headcount;
      w.capacityKnown += view.capacity ?? 0;
    }
    return [...byWard.values()];
  }
}
