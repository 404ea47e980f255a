import { crowdingName, crowdingTerms, spreadsheetCsv, supplyNeedName } from "@crisis/platform/contracts";
import { OccupancyNeeds, OccupancyReported, ShelterCrowding, ShelterWithRoom, WardCrowding } from "@crisis/platform/contracts/crowding";
import { toCityTime } from "../../../domain/facility-view";
import { WardHour } from "./occupancy-hours";

const needsView = (n: OccupancyNeeds) => ({
  water: supplyNeedName(n.water) ?? null,
  food: supplyNeedName(n.food) ?? null,
  blankets: supplyNeedName(n.blankets) ?? null,
  medical: n.medical,
  pets: n.pets,
  welfareSpace: n.welfareSpace,
});

const levelView = (level: number) => {
  const name = crowdingName(level);
  return { level: name, levelJa: crowdingTerms[name].ja, levelEn: crowdingTerms[name].en };
};

/** A shelter's crowding as the API shows it: words, unknown capacity as null, the latest report with its age. */
export function shelterCrowdingView(s: ShelterCrowding) {
  return {
    id: s.facilityId,
    name: s.facilityName,
    ward: s.ward,
    open: s.open,
    capacity: s.capacity ?? null,
    ...levelView(s.level),
    latest: s.latest
      ? {
          headcount: s.latest.headcount,
          needs: needsView(s.latest.needs ?? OccupancyNeeds.fromPartial({})),
          reportedAt: toCityTime(s.latest.reportedAt),
          ageSeconds: s.ageSeconds,
          stale: s.stale,
        }
      : null,
    link: `/facilities/${encodeURIComponent(s.facilityId)}`,
  };
}

type ShelterCrowdingView = ReturnType<typeof shelterCrowdingView>;
const supplies = ["water", "food", "blankets"] as const;

/**
 * The shelters whose latest report says a supply is running short or gone, for the supplies desk:
 * those out of something first, then the oldest report first (it has waited longest).
 */
export function shortOfSupplies(shelters: ShelterCrowdingView[]) {
  return shelters
    .flatMap((s) => {
      const needs = s.latest?.needs;
      const out = supplies.filter((supply) => needs?.[supply] === "out");
      const short = supplies.filter((supply) => needs?.[supply] === "short");
      if (!s.latest || out.length + short.length === 0) return [];
      const { headcount, reportedAt, ageSeconds, stale } = s.latest;
      return [{ id: s.id, name: s.name, ward: s.ward, out, short, headcount, reportedAt, ageSeconds, stale, link: s.link }];
    })
    .sort((a, b) => b.out.length - a.out.length || b.ageSeconds - a.ageSeconds);
}

export const wardCrowdingView = (w: WardCrowding) => ({
  ward: w.ward,
  openShelters: w.openShelters,
  levels: { open: w.openLevel, busy: w.busy, crowded: w.crowded, full: w.full, unknown: w.unknown },
  headcount: w.headcount,
  capacityKnown: w.capacityKnown,
});

export const shelterWithRoomView = (s: ShelterWithRoom) => ({
  id: s.facilityId,
  name: s.facilityName,
  ward: s.ward,
  distanceM: s.distanceM,
  ...levelView(s.level),
  room: s.room,
  latitude: s.latitude,
  longitude: s.longitude,
  link: `/facilities/${encodeURIComponent(s.facilityId)}`,
});

/** An occupancy report as the open pages take it over the event stream: enough to redraw the shelter's row. */
export const occupancyFigure = (r: OccupancyReported) => ({
  id: r.facilityId,
  ward: r.ward,
  level: crowdingName(r.level),
  headcount: r.headcount,
  capacity: r.capacity ?? null,
  reportedAt: r.reportedAt,
});

const historyColumns = [
  "reportedAt",
  "facilityId",
  "name",
  "ward",
  "headcount",
  "capacity",
  "level",
  "water",
  "food",
  "blankets",
  "medical",
  "pets",
  "welfareSpace",
] as const;

/** Occupancy over time as CSV for a spreadsheet (city times): one row per report, oldest first. */
export function occupancyCsv(reports: OccupancyReported[]): string {
  const rows = reports.map((r) => {
    const needs = needsView(r.needs ?? OccupancyNeeds.fromPartial({}));
    const row = {
      reportedAt: toCityTime(r.reportedAt),
      facilityId: r.facilityId,
      name: r.facilityName,
      ward: r.ward,
      headcount: r.headcount,
      capacity: r.capacity ?? null,
      level: crowdingName(r.level),
      ...needs,
    };
    return historyColumns.map((c) => row[c]);
  });
  return spreadsheetCsv(historyColumns, rows);
}

const hourColumns = ["hour", "ward", "shelters", "headcount", "capacityKnown"] as const;

/** Occupancy per ward and hour as CSV for a spreadsheet (hours start in the city's time), oldest first. */
export function wardHoursCsv(rows: WardHour[]): string {
  return spreadsheetCsv(
    hourColumns,
    rows.map((r) => [toCityTime(r.hour), r.ward, r.shelters, r.headcount, r.capacityKnown]),
  );
}
