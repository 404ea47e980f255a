import { ModeChanged } from "@crisis/platform/contracts/events";
import {
  AddRestrictionRequest,
  AddRestrictionResponse,
  CorrectFacilityRequest,
  CorrectFacilityResponse,
  CounterService,
  EndRestrictionRequest,
  EndRestrictionResponse,
  Facility,
  ListFacilitiesRequest,
  ListFacilitiesResponse,
  SetServiceLevelRequest,
  SetServiceLevelResponse,
  SetShelterRequest,
  SetShelterResponse,
} from "@crisis/platform/contracts/facilities";

export interface CurrentMode {
  event?: ModeChanged;
  /** Sequence of the last mode event on its subject (0 when none): the optimistic-concurrency token. */
  seq: number;
}

export interface ModeLog {
  current(): Promise<CurrentMode>;
  /** Stores the event unless another declaration landed after `expectedSeq` (then MODE_CONFLICT). */
  append(event: ModeChanged, expectedSeq: number, correlationId: string): Promise<number>;
}

export interface FacilitiesDirectory {
  list(correlationId: string): Promise<Facility[]>;
}

/** The facilities service's registry, restrictions, shelters and counter services (gRPC in production). */
export interface FacilitiesAdmin {
  list(request: ListFacilitiesRequest, correlationId: string): Promise<ListFacilitiesResponse>;
  get(id: string, correlationId: string): Promise<Facility>;
  addRestriction(request: AddRestrictionRequest, correlationId: string): Promise<AddRestrictionResponse>;
  endRestriction(request: EndRestrictionRequest, correlationId: string): Promise<EndRestrictionResponse>;
  setShelter(request: SetShelterRequest, correlationId: string): Promise<SetShelterResponse>;
  correct(request: CorrectFacilityRequest, correlationId: string): Promise<CorrectFacilityResponse>;
  listServices(correlationId: string): Promise<CounterService[]>;
  setServiceLevel(request: SetServiceLevelRequest, correlationId: string): Promise<SetServiceLevelResponse>;
}
