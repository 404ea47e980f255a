import {
  occupancyCsv,
  shelterCrowdingView,
  shelterWithRoomView,
  wardCrowdingView,
  wardHoursCsv,
} from "../areas/shelters/domain/crowding-view";
import { wardHours } from "../areas/shelters/domain/occupancy-hours";
import { ShelterCrowdingService } from "./ports";

/** Every open (or reported) shelter's crowding, and the sums per ward. */
export async function readCrowding(crowding: ShelterCrowdingService, ward: string | undefined, correlationId: string) {
  const res = await crowding.list(ward ?? "", correlationId);
  return { shelters: res.shelters.map(shelterCrowdingView), wards: res.wards.map(wardCrowdingView) };
}

export async function readShelterCrowding(crowding: ShelterCrowdingService, facilityId: string, correlationId: string) {
  return shelterCrowdingView(await crowding.get(facilityId, correlationId));
}

/** How many shelters with room a full shelter's page names. */
const alternatives = 3;

/**
 * One shelter's crowding for its page, and when it is full the nearest open shelters with room
 * (itself left out), so the page a full-shelter push links to says where to go instead.
 */
export async function readCrowdingHere(
  crowding: ShelterCrowdingService,
  facility: { id: string; latitude: number; longitude: number },
  correlationId: string,
) {
  const here = shelterCrowdingView(await crowding.get(facility.id, correlationId));
  const placed = facility.latitude !== 0 || facility.longitude !== 0;
  const nearest =
    here.level === "full" && placed
      ? (
          await crowding.nearest({ latitude: facility.latitude, longitude: facility.longitude, limit: alternatives + 1 }, correlationId)
        ).shelters
          .map(shelterWithRoomView)
          .filter((s) => s.id !== facility.id && s.level !== "full")
          .slice(0, alternatives)
      : [];
  return { here, nearest };
}
export type CrowdingHere = Awaited<ReturnType<typeof readCrowdingHere>>;

/** The nearest open shelters with known room, nearest first. */
export async function findNearestShelters(
  crowding: ShelterCrowdingService,
  at: { latitude: number; longitude: number; limit: number },
  correlationId: string,
) {
  return { shelters: (await crowding.nearest(at, correlationId)).shelters.map(shelterWithRoomView) };
}

/** Occupancy over time, per shelter or ward, as CSV: every report, or per ward and hour up to `now`. */
export async function readOccupancyHistory(
  crowding: ShelterCrowdingService,
  filter: { facility?: string; ward?: string; by?: "report" | "hour" },
  now: Date,
  correlationId: string,
) {
  const { reports, closings } = await crowding.history({ facilityId: filter.facility ?? "", ward: filter.ward ?? "" }, correlationId);
  return filter.by === "hour" ? wardHoursCsv(wardHours(reports, now.getTime(), closings)) : occupancyCsv(reports);
}
