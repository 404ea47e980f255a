import { CounterWaitingReported } from "@crisis/platform/contracts/crowding";
import { AuditRecorded } from "@crisis/platform/contracts/audit";
import { ApplyStaffingPlanResponse, StaffingPlan } from "@crisis/platform/contracts/staffing";
import { ModeChanged } from "@crisis/platform/contracts/events";
import { GuidanceLines, Mode } from "@crisis/platform/contracts";
import type { DeadLetter } from "@crisis/platform/ports";
import { AuditFilter } from "../domain/audit";
import { Declaration } from "../domain/mode";
import { AlertReport, CreateSubscriptionRequest, CreateSubscriptionResponse } from "@crisis/platform/contracts/notify";
import {
  DeclareTeamOutRequest,
  DeclareTeamOutResponse,
  GetStaffingSummaryResponse,
  MyTeam,
  PlanTeamsRequest,
  TeamPlan,
  TeamsNow,
} from "@crisis/platform/contracts/staffing";
import {
  Acknowledgements,
  AnswerNoticeRequest,
  AnswerNoticeResponse,
  CoverageNow,
  DutyRoster,
  ReplaceOnPostRequest,
  ReplaceOnPostResponse,
  StaffDuties,
} from "@crisis/platform/contracts/duties";
import {
  AddRestrictionRequest,
  AddRestrictionResponse,
  CorrectFacilityRequest,
  CorrectFacilityResponse,
  CounterService,
  EndRestrictionRequest,
  EndRestrictionResponse,
  Facility,
  ModePreview,
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
import { Position, StatusEvent, StatusStream } from "../areas/status/domain/status-view";

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

/** Citizens' web-push subscriptions, kept by notify. */
export interface PushSubscriptions {
  /** The VAPID public key a page passes to pushManager.subscribe(). */
  publicKey(correlationId: string): Promise<string>;
  create(request: CreateSubscriptionRequest, correlationId: string): Promise<CreateSubscriptionResponse>;
  /** Purges a subscription; only its unsubscribe token may do so. */
  remove(id: string, unsubscribeToken: string, correlationId: string): Promise<void>;
}

/** How the emergency posts are staffed, planned by staffing for the current mode. */
export interface StaffingBoard {
  summary(correlationId: string): Promise<GetStaffingSummaryResponse>;
}

/** Facilities' preview of a declaration: the exact difference it would make, changing nothing. */
export interface ModePreviewer {
  preview(mode: Mode, correlationId: string): Promise<ModePreview>;
}

/** A declaration waiting for a second person; it carries the preview the declarer saw. */
export interface PendingDeclaration {
  id: string;
  declaration: Declaration;
  declaredBy: string;
  requestedAt: string;
  expiresAt: string;
  /** The mode's sequence when it was requested: approval is refused once the mode moved on. */
  baseSeq: number;
  preview: ModePreview;
  correlationId: string;
  /** Set once an approver rejected it or its declarer withdrew it: it can no longer be approved. */
  closed?: PendingClosure;
}

/** How a pending declaration ended without taking effect, kept so that the other side sees it. */
export interface PendingClosure {
  as: "rejected" | "withdrawn";
  by: string;
  at: string;
  reason: string;
}

/** Pending declarations, kept so that a gateway restart or another replica loses none. */
export interface PendingDeclarations {
  add(pending: PendingDeclaration): Promise<void>;
  get(id: string): Promise<PendingDeclaration | undefined>;
  list(): Promise<PendingDeclaration[]>;
  /** Marks it closed unless it changed since it was read (another close or an approval): false then. */
  close(id: string, closure: PendingClosure): Promise<PendingDeclaration | false>;
  remove(id: string): Promise<void>;
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

/** One event a consumer gave up on, as the console shows it: the platform's dead letter without its payload. */
export type ParkedEvent = Pick<
  DeadLetter,
  "seq" | "durable" | "subject" | "stream" | "sequence" | "reason" | "attempts" | "correlationId"
> & {
  parkedAt: string;
};

/** The dead-letter stream: events consumers gave up on, waiting for a fix and a re-drive. */
export interface DeadLetterShelf {
  count(): Promise<number>;
  /** Every parked event, oldest first. */
  list(): Promise<ParkedEvent[]>;
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

/** Notify's delivery counts per alert. */
export interface AlertReports {
  read(alertId: string, correlationId: string): Promise<AlertReport>;
}

/** One message of the streams the status follows; `event` is unset for subjects the status ignores. */
export interface StreamedEvent {
  stream: StatusStream;
  seq: number;
  /** When JetStream stored it (RFC 3339, UTC). */
  at: string;
  event?: StatusEvent;
}

export interface Following {
  /** Resolves once everything stored when following began has been handed over. */
  caughtUp: Promise<void>;
  stop(): Promise<void>;
}

/** The event streams behind the live status (mode, facilities, services). */
export interface StatusEvents {
  /** Hands over every message after `from`, in order per stream, then keeps following. */
  follow(from: Position, onEvent: (e: StreamedEvent) => void): Promise<Following>;
  /** Reads what was stored after `after`, up to and including `until`, one stream after another. */
  replay(after: Position, until: Position): AsyncIterable<StreamedEvent>;
}

/** Staffing plans proposed for review and applied (services/staffing over gRPC). */
export interface StaffingPlans {
  propose(requestedBy: string, correlationId: string): Promise<StaffingPlan>;
  apply(planId: string, appliedBy: string, correlationId: string): Promise<ApplyStaffingPlanResponse>;
}

/** Continuity teams (班) and their office/home rotas (services/staffing over gRPC). */
export interface StaffingTeams {
  plan(request: PlanTeamsRequest, correlationId: string): Promise<TeamPlan>;
  declareOut(request: DeclareTeamOutRequest, correlationId: string): Promise<DeclareTeamOutResponse>;
  endOut(teamId: string, correlationId: string): Promise<void>;
  now(days: number, correlationId: string): Promise<TeamsNow>;
  mine(staffId: string, correlationId: string): Promise<MyTeam>;
}

/** Staff duties and notices (services/staffing over gRPC): a notice of anyone but `staffId` is not found. */
export interface DutyDesk {
  duties(staffId: string, correlationId: string): Promise<StaffDuties>;
  answer(request: AnswerNoticeRequest, correlationId: string): Promise<AnswerNoticeResponse>;
  replace(request: ReplaceOnPostRequest, correlationId: string): Promise<ReplaceOnPostResponse>;
  acknowledgements(correlationId: string): Promise<Acknowledgements>;
  roster(correlationId: string): Promise<DutyRoster>;
  coverage(correlationId: string): Promise<CoverageNow>;
}

/** Shelter occupancy and crowding, kept by facilities. */
export interface ShelterCrowdingService {
  report(request: ReportOccupancyRequest, correlationId: string): Promise<ReportOccupancyResponse>;
  list(ward: string, correlationId: string): Promise<ListCrowdingResponse>;
  get(facilityId: string, correlationId: string): Promise<ShelterCrowding>;
  nearest(request: NearestSheltersRequest, correlationId: string): Promise<NearestSheltersResponse>;
  history(request: OccupancyHistoryRequest, correlationId: string): Promise<OccupancyHistoryResponse>;
}

/** Who is on a shelter's post now (from staffing's reassignments and releases). */
export interface StaffOnPost {
  isOnPostAt(staffId: string, facilityId: string, now: Date): boolean;
  isOnCounterOf(staffId: string, serviceId: string, now: Date): boolean;
}

/** Counter waiting figures: published as events, the latest of each read back by every replica. */
export interface CounterWaitingLog {
  publish(report: CounterWaitingReported, correlationId: string): Promise<void>;
}
