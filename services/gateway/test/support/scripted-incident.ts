import { AuditRecorded } from "@crisis/platform/contracts/audit";
import { FacilityStatus, ModeLevel, ServiceLevel, ShelterOperation } from "@crisis/platform/contracts/common";
import { CounterWaitingReported, OccupancyReported } from "@crisis/platform/contracts/crowding";
import {
  AlertIssued,
  FacilityStatusChanged,
  ModeChanged,
  ServiceLevelChanged,
  StaffAnswered,
  StaffReassigned,
  StaffReleased,
} from "@crisis/platform/contracts/events";
import { IncidentEvent, StaffDirectory } from "../../src/areas/records/domain/incident-report";

const at = (hhmmss: string, day = "2026-07-28") => `${day}T${hhmmss}Z`;
const audit = (kind: string, time: string, actor: string, why = "", approver = "") =>
  ({ kind: "audit", event: AuditRecorded.fromPartial({ kind, at: at(time), actor, why, approver, what: "" }) }) as const;
const shelter = (facilityId: string, ward: string, open: boolean, time: string, day?: string) =>
  ({
    kind: "facility",
    event: FacilityStatusChanged.fromPartial({
      eventId: `f-${facilityId}-${time}`,
      facilityId,
      ward,
      status: open ? FacilityStatus.FACILITY_STATUS_SHELTER_OPEN : FacilityStatus.FACILITY_STATUS_NORMAL,
      shelter: open ? ShelterOperation.SHELTER_OPERATION_OPEN : ShelterOperation.SHELTER_OPERATION_CLOSED,
      changedAt: at(time, day),
    }),
  }) as const;
const occupancy = (facilityId: string, ward: string, headcount: number, time: string) =>
  ({ kind: "occupancy", event: OccupancyReported.fromPartial({ facilityId, ward, headcount, reportedAt: at(time) }) }) as const;
const batch = (batchId: string, time: string, accepted: number, gone = 0, failed = 0, expired = 0) =>
  ({ kind: "delivery", batch: { alertId: "a1", batch: batchId, accepted, gone, failed, expired, settledAt: at(time) } }) as const;
const notice = (noticeId: string, staffId: string, duty: string, startsAt = "") =>
  ({
    kind: "reassigned",
    event: StaffReassigned.fromPartial({ noticeId, staffId, duty, issuedAt: at("00:30:00"), startsAt: startsAt && at(startsAt) }),
  }) as const;
const answer = (kind: "acknowledged" | "declined", noticeId: string, time: string) =>
  ({ kind, event: StaffAnswered.fromPartial({ noticeId, answeredAt: at(time) }) }) as const;
const waiting = (value: number | undefined, time: string) =>
  ({
    kind: "waiting",
    event: CounterWaitingReported.fromPartial({ serviceId: "c1", serviceName: "住民票", waiting: value, reportedAt: at(time) }),
  }) as const;

/**
 * A scripted heavy-rain incident on 2026-07-28 (UTC): declared and approved, two shelters opened and
 * reported, one alert in three batches, a staffing plan with three notices, a stand-down.
 */
export const scriptedIncident: IncidentEvent[] = [
  audit("mode.requested", "00:00:00", "tanaka", "大雨"),
  {
    kind: "mode",
    event: ModeChanged.fromPartial({
      eventId: "m1",
      mode: { level: ModeLevel.MODE_LEVEL_ALERT, declaredBy: "tanaka", declaredAt: at("00:00:00"), reason: "大雨" },
    }),
  },
  audit("mode.approved", "00:05:00", "tanaka", "大雨", "sato"),
  {
    kind: "alert",
    event: AlertIssued.fromPartial({ eventId: "a1", causeEventId: "m1", titleEn: "Heavy rain", recipients: 200, issuedAt: at("00:01:00") }),
  },
  batch("0", "00:01:30", 100),
  batch("1", "00:02:00", 90, 5, 5),
  batch("2", "00:03:00", 8, 0, 0, 2),
  shelter("f1", "西区", true, "00:10:00"),
  {
    kind: "serviceLevel",
    event: ServiceLevelChanged.fromPartial({
      eventId: "s1",
      serviceId: "c1",
      serviceName: "住民票",
      level: ServiceLevel.SERVICE_LEVEL_ONLINE_ONLY,
      changedAt: at("00:15:00"),
    }),
  },
  shelter("f2", "中央区", true, "00:20:00"),
  audit("subscription.created", "00:21:00", "anonymous"),
  audit("POST /api/v1/staffing/plans/:id/apply", "00:25:00", "tanaka"),
  occupancy("f1", "西区", 40, "00:30:00"),
  notice("n1", "s1", "保健師", "01:00:00"),
  notice("n2", "s2", ""),
  answer("acknowledged", "n1", "00:40:00"),
  answer("acknowledged", "n2", "00:50:00"),
  waiting(10, "01:00:00"),
  occupancy("f1", "西区", 60, "01:10:00"),
  occupancy("f2", "中央区", 10, "01:20:00"),
  answer("declined", "n3", "01:30:00"),
  notice("n3", "s3", ""),
  waiting(30, "02:00:00"),
  waiting(undefined, "02:30:00"),
  { kind: "released", event: StaffReleased.fromPartial({ staffId: "s2", department: "tax", releasedAt: at("03:00:00") }) },
  waiting(20, "03:00:00"),
  {
    kind: "released",
    event: StaffReleased.fromPartial({
      staffId: "s1",
      department: "health",
      releasedAt: at("05:00:00"),
      floor: { department: "health", skill: "保健師", minimum: 2 },
    }),
  },
  audit("mode.declared", "05:30:00", "tanaka", "解除"),
  shelter("f1", "西区", false, "01:00:00", "2026-07-29"),
];

/** s3 is known only from the staff directory. */
export const scriptedDirectory: StaffDirectory = (staffId) => (staffId === "s3" ? { department: "welfare", skill: "clerk" } : undefined);
