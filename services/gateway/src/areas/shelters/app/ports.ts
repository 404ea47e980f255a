import {
  ListCrowdingResponse,
  NearestSheltersRequest,
  NearestSheltersResponse,
  OccupancyHistoryRequest,
  OccupancyHistoryResponse,
  ReportOccupancyRequest,
  ReportOccupancyResponse,
  ShelterCrowding,
} from "@crisis/platform/contracts/crowding";

/** The shelters area's ports; main.ts fills them in. */

/** Shelter occupancy and crowding, kept by facilities. */
export interface ShelterCrowdingService {
  report(request: ReportOccupancyRequest, correlationId: string): Promise<ReportOccupancyResponse>;
  list(ward: string, correlationId: string): Promise<ListCrowdingResponse>;
  get(facilityId: string, correlationId: string): Promise<ShelterCrowding>;
  nearest(request: NearestSheltersRequest, correlationId: string): Promise<NearestSheltersResponse>;
  history(request: OccupancyHistoryRequest, correlationId: string): Promise<OccupancyHistoryResponse>;
}
