import { AuditRecorded } from "@crisis/platform/contracts/audit";
import { ModeChanged } from "@crisis/platform/contracts/events";
import { GuidanceLines, Mode } from "@crisis/platform/contracts";
import { AuditFilter } from "../domain/audit";
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

/** The ports several areas share (areas/<area>/app/ports.ts holds each area's own); main.ts fills them in. */

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

/** What citizens are told to do now under a declaration, from its playbook (kept by facilities). */
export interface CitizenGuidance {
  /** Empty lines when the declaration's playbook has none (or at normal). */
  forMode(mode: Mode, correlationId: string): Promise<GuidanceLines>;
}

/** The first answer to a request sent with an Idempotency-Key, shared by every gateway replica. */
export interface StoredAnswer {
  /** Hash of the request body: the same key with another body is refused. */
  fingerprint: string;
  status: number;
  contentType: string;
  body: string;
}

/** What a key holds when a request claims it. */
export type KeyClaim =
  | { kind: "claimed" }
  | { kind: "answered"; answer: StoredAnswer }
  /** Another request with this key is running (its lease not yet lapsed). */
  | { kind: "in-flight"; fingerprint: string };

export interface IdempotencyStore {
  /** Claims the key for this request unless it has an answer or a live claim. */
  claim(key: string, fingerprint: string): Promise<KeyClaim>;
  /** Keeps the first successful answer for the store's lifetime of keys. */
  answer(key: string, answer: StoredAnswer): Promise<void>;
  /** Gives the key up after a refusal, so a corrected retry can run. */
  release(key: string): Promise<void>;
}

/** The audit stream: every change the gateway accepted, appended once and never rewritten. */
export interface AuditTrail {
  append(record: AuditRecorded): Promise<void>;
  /** Up to `limit` records that match, oldest first, after the cursor `after` (a page's `next`). */
  page(filter: AuditFilter, limit: number, after?: string): Promise<{ records: AuditRecorded[]; next: string | null }>;
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

/** Who is on a shelter's post now (from staffing's reassignments and releases). */
export interface StaffOnPost {
  isOnPostAt(staffId: string, facilityId: string, now: Date): boolean;
  isOnCounterOf(staffId: string, serviceId: string, now: Date): boolean;
}

/** Shelter occupancy and crowding, kept by facilities. */
export interface ShelterCrowdingService {
  report(request: ReportOccupancyRequest, correlationId: string): Promise<ReportOccupancyResponse>;
  list(ward: string, correlationId: string): Promise<ListCrowdingResponse>;
  get(facilityId: string, correlationId: string): Promise<ShelterCrowding>;
  nearest(request: NearestSheltersRequest, correlationId: string): Promise<NearestSheltersResponse>;
  history(request: OccupancyHistoryRequest, correlationId: string): Promise<OccupancyHistoryResponse>;
}
