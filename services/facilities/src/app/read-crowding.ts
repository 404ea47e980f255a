import {
  GetCrowdingRequest,
  ListCrowdingRequest,
  ListCrowdingResponse,
  NearestSheltersRequest,
  NearestSheltersResponse,
  OccupancyHistoryRequest,
  OccupancyHistoryResponse,
  ShelterCrowding,
} from "@crisis/platform/contracts/crowding";
import { errors } from "../domain/errors";
import { CrowdingDeps } from "./ports";

type ReadDeps = Pick<CrowdingDeps, "occupancy" | "clock" | "board">;

/** Shelters open or reported, and the sums per ward. */
export function listCrowding(deps: ReadDeps, req: ListCrowdingRequest): ListCrowdingResponse {
  const now = deps.clock.now().getTime();
  const wards = deps.occupancy.perWard(now);
  return { shelters: deps.occupancy.list(now, req.ward || undefined), wards: req.ward ? wards.filter((w) => w.ward === req.ward) : wards };
}

export function getCrowding(deps: ReadDeps, req: GetCrowdingRequest): ShelterCrowding {
  const view = deps.occupancy.view(req.facilityId, deps.clock.now().getTime());
  if (!view) throw errors.facilityNotFound(req.facilityId);
  return view;
}

export function nearestShelters(deps: ReadDeps, req: NearestSheltersRequest): NearestSheltersResponse {
  const now = deps.clock.now().getTime();
  return { shelters: deps.occupancy.nearestWithRoom(req.latitude, req.longitude, now, Math.min(Math.max(req.limit || 5, 1), 50)) };
}

export function occupancyHistory(deps: ReadDeps, req: OccupancyHistoryRequest): OccupancyHistoryResponse {
  const asked = (r: { facilityId: string; ward: string }) =>
    (!req.facilityId || r.facilityId === req.facilityId) && (!req.ward || r.ward === req.ward);
  return { reports: deps.occupancy.history.filter(asked), closings: deps.board.shelterClosings.filter(asked) };
}
