import { BinaryReader, BinaryWriter } from "@bufbuild/protobuf/wire";
import {
  AlertIssued,
  FacilityCorrected,
  FacilityStatusChanged,
  ModeChanged,
  PlaybookApplied,
  RestrictionScheduled,
  ServiceLevelChanged,
  StaffAnswered,
  StaffReassigned,
  StaffReleased,
  StaffTeamChanged,
  StaffReminded,
  RotaPlanned,
  RotaReturned,
  RotaSuspended,
  StaffRotaChanged,
} from "./gen/crisis/v1/events";
import { AuditRecorded } from "./gen/crisis/v1/audit";
import { CounterWaitingReported, CrowdingChanged, OccupancyReported } from "./gen/crisis/v1/crowding";
import { BookingRecorded, TicketRecorded } from "./gen/crisis/v1/counters";

/**
 * How subjects are named, everywhere:
 * - an event of the city, shared by every service: `crisis.<area>.<thing>.<happened>` (the thing
 *   may be left out when the area says it: `crisis.mode.changed`), in the stream `CRISIS_<AREA>`;
 * - a service's private work (a queue only that service reads): `<service>.<thing>.<happened>`,
 *   declared in that service, in a stream named `<SERVICE>_<THING>`.
 * Words are lower-case ASCII, the last one a past participle. `subjectRule` checks both forms.
 */
export const subjectRule = /^(crisis\.[a-z]+(\.[a-z]+)?|(notify|staffing|facilities|gateway)\.[a-z]+(\.[a-z]+)*)\.[a-z]+ed$/;

/** What ts-proto generates for every message: encode/decode of the protobuf wire format. */
export interface MessageCodec<T> {
  encode(message: T, writer?: BinaryWriter): BinaryWriter;
  decode(input: BinaryReader | Uint8Array, length?: number): T;
}

/** An event type: its subject, its name in headers, and the codec of its payload. */
export interface EventType<T> {
  subject: string;
  name: string;
  codec: MessageCodec<T>;
}

/**
 * The dead-letter stream's subjects: an event a consumer gave up on is parked there with headers
 * naming the original subject, sequence, durable consumer and reason (see jetstream/dead-letters.ts).
 */
export const deadLetterSubjects = { parked: "crisis.deadletter.event.parked" } as const;

/** Every event of the city's backbone: its subject and its proto payload. */
export const eventTypes = {
  modeChanged: { subject: "crisis.mode.changed", name: "crisis.v1.ModeChanged", codec: ModeChanged },
  facilityStatusChanged: {
    subject: "crisis.facility.status.changed",
    name: "crisis.v1.FacilityStatusChanged",
    codec: FacilityStatusChanged,
  },
  playbookApplied: { subject: "crisis.facility.playbook.applied", name: "crisis.v1.PlaybookApplied", codec: PlaybookApplied },
  facilityCorrected: { subject: "crisis.facility.registry.corrected", name: "crisis.v1.FacilityCorrected", codec: FacilityCorrected },
  restrictionScheduled: {
    subject: "crisis.facility.restriction.scheduled",
    name: "crisis.v1.RestrictionScheduled",
    codec: RestrictionScheduled,
  },
  serviceLevelChanged: { subject: "crisis.service.level.changed", name: "crisis.v1.ServiceLevelChanged", codec: ServiceLevelChanged },
  alertIssued: { subject: "crisis.alert.issued", name: "crisis.v1.AlertIssued", codec: AlertIssued },
  staffReassigned: { subject: "crisis.staff.reassigned", name: "crisis.v1.StaffReassigned", codec: StaffReassigned },
  staffReleased: { subject: "crisis.staff.released", name: "crisis.v1.StaffReleased", codec: StaffReleased },
  staffTeamChanged: { subject: "crisis.staff.team.changed", name: "crisis.v1.StaffTeamChanged", codec: StaffTeamChanged },
  staffAcknowledged: { subject: "crisis.staff.acknowledged", name: "crisis.v1.StaffAnswered", codec: StaffAnswered },
  staffDeclined: { subject: "crisis.staff.declined", name: "crisis.v1.StaffAnswered", codec: StaffAnswered },
  staffReminded: { subject: "crisis.staff.reminded", name: "crisis.v1.StaffReminded", codec: StaffReminded },
  /** A department's continuity teams (班) and their office/home rota. */
  rotaPlanned: { subject: "crisis.staff.rota.planned", name: "crisis.v1.RotaPlanned", codec: RotaPlanned },
  rotaSuspended: { subject: "crisis.staff.rota.suspended", name: "crisis.v1.RotaSuspended", codec: RotaSuspended },
  rotaReturned: { subject: "crisis.staff.rota.returned", name: "crisis.v1.RotaReturned", codec: RotaReturned },
  /** One person's days under the rota: stay home until …, or come in on these days (notify pushes it to `staff:<id>`). */
  staffRotaChanged: { subject: "crisis.staff.rota.changed", name: "crisis.v1.StaffRotaChanged", codec: StaffRotaChanged },
  auditRecorded: { subject: "crisis.audit.recorded", name: "crisis.v1.AuditRecorded", codec: AuditRecorded },
  occupancyReported: { subject: "crisis.shelter.occupancy.reported", name: "crisis.v1.OccupancyReported", codec: OccupancyReported },
  crowdingChanged: { subject: "crisis.shelter.crowding.changed", name: "crisis.v1.CrowdingChanged", codec: CrowdingChanged },
  /** A report says water, food or blankets are gone where the shelter's report before did not: the report itself. */
  suppliesExhausted: { subject: "crisis.shelter.supplies.exhausted", name: "crisis.v1.OccupancyReported", codec: OccupancyReported },
  /** A report says water, food or blankets are there again (enough or short) that the shelter's report before said were gone. */
  suppliesRestored: { subject: "crisis.shelter.supplies.restored", name: "crisis.v1.OccupancyReported", codec: OccupancyReported },
  counterWaitingReported: {
    subject: "crisis.service.waiting.reported",
    name: "crisis.v1.CounterWaitingReported",
    codec: CounterWaitingReported,
  },
  bookingCreated: { subject: "crisis.counter.booking.created", name: "crisis.v1.BookingRecorded", codec: BookingRecorded },
  bookingChanged: { subject: "crisis.counter.booking.changed", name: "crisis.v1.BookingRecorded", codec: BookingRecorded },
  bookingCancelled: { subject: "crisis.counter.booking.cancelled", name: "crisis.v1.BookingRecorded", codec: BookingRecorded },
  ticketIssued: { subject: "crisis.counter.ticket.issued", name: "crisis.v1.TicketRecorded", codec: TicketRecorded },
  ticketCalled: { subject: "crisis.counter.ticket.called", name: "crisis.v1.TicketRecorded", codec: TicketRecorded },
  /** The holder's turn is near: `ahead` tickets wait before it (the push "N ahead"). */
  ticketNeared: { subject: "crisis.counter.ticket.neared", name: "crisis.v1.TicketRecorded", codec: TicketRecorded },
  ticketCancelled: { subject: "crisis.counter.ticket.cancelled", name: "crisis.v1.TicketRecorded", codec: TicketRecorded },
} satisfies Record<string, EventType<unknown>>;
