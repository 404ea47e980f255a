import { CallOptions, ClientUnaryCall, Metadata, ServiceError } from "@grpc/grpc-js";
import { callUnary, grpcClient as client } from "@crisis/platform";
import { guidanceFromWire } from "@crisis/platform/contracts";
import { ListFacilitiesRequest } from "@crisis/platform/contracts/facilities";
import { CrowdingServiceClient } from "@crisis/platform/contracts/crowding_service";
import { FacilitiesServiceClient } from "@crisis/platform/contracts/facilities_service";
import { NotifyServiceClient } from "@crisis/platform/contracts/notify_service";
import { StaffingServiceClient } from "@crisis/platform/contracts/staffing_service";
import { DutiesServiceClient } from "@crisis/platform/contracts/duties_service";
import { CitizenGuidance, FacilitiesAdmin, FacilitiesDirectory, ShelterCrowdingService } from "../../app/ports";
import { AlertReports, PushSubscriptions } from "../../areas/alerts/app/ports";
import { ModePreviewer } from "../../areas/mode/app/ports";
import { DutyDesk, StaffingBoard, StaffingPlans, StaffingTeams } from "../../areas/staffing/app/ports";

export interface ServiceTargets {
  facilities: string;
  staffing: string;
  notify: string;
  deadlineMs: number;
}

/** The gateway's ports onto the three services: every call carries a deadline and the correlation id. */
export function serviceClients(targets: ServiceTargets) {
  const facilities = client(FacilitiesServiceClient, targets.facilities);
  const notify = client(NotifyServiceClient, targets.notify);
  const staffing = client(StaffingServiceClient, targets.staffing);
  // Crowding is served by facilities, on the same port.
  const crowdingClient = client(CrowdingServiceClient, targets.facilities);
  const opts = (correlationId: string) => ({ correlationId, deadlineMs: targets.deadlineMs });
  const directory: FacilitiesDirectory = {
    list: async (correlationId) =>
      (
        await callUnary(
          "facilities",
          facilities.listFacilities.bind(facilities),
          ListFacilitiesRequest.fromPartial({}),
          opts(correlationId),
        )
      ).facilities,
  };
  const call =
    <Req, Res>(method: (r: Req, m: Metadata, o: Partial<CallOptions>, cb: (e: ServiceError | null, r: Res) => void) => ClientUnaryCall) =>
    (request: Req, correlationId: string) =>
      callUnary("facilities", method.bind(facilities), request, opts(correlationId));
  const facilitiesAdmin: FacilitiesAdmin = {
    list: call(facilities.listFacilities),
    get: async (id, correlationId) => (await call(facilities.getFacility)({ id }, correlationId)).facility!,
    addRestriction: call(facilities.addRestriction),
    endRestriction: call(facilities.endRestriction),
    setShelter: call(facilities.setShelter),
    correct: call(facilities.correctFacility),
    listServices: async (correlationId) => (await call(facilities.listServices)({}, correlationId)).services,
    setServiceLevel: call(facilities.setServiceLevel),
  };
  const onCrowding =
    <Req, Res>(method: (r: Req, m: Metadata, o: Partial<CallOptions>, cb: (e: ServiceError | null, r: Res) => void) => ClientUnaryCall) =>
    (request: Req, correlationId: string) =>
      callUnary("facilities", method.bind(crowdingClient), request, opts(correlationId));
  const crowding: ShelterCrowdingService = {
    report: onCrowding(crowdingClient.reportOccupancy),
    list: (ward, correlationId) => onCrowding(crowdingClient.listCrowding)({ ward }, correlationId),
    get: (facilityId, correlationId) => onCrowding(crowdingClient.getCrowding)({ facilityId }, correlationId),
    nearest: onCrowding(crowdingClient.nearestShelters),
    history: onCrowding(crowdingClient.occupancyHistory),
  };
  const guidance: CitizenGuidance = {
    forMode: async (mode, correlationId) => {
      const answer = await call(facilities.getGuidance)({ mode }, correlationId);
      return guidanceFromWire(answer);
    },
  };
  const previewer: ModePreviewer = {
    preview: async (mode, correlationId) => {
      const answer = await callUnary("facilities", facilities.previewMode.bind(facilities), { mode }, opts(correlationId));
      return answer.preview ?? { facilities: [], services: [], kept: [], changesByWard: {}, changesByCategory: {} };
    },
  };
  const subscriptions: PushSubscriptions = {
    publicKey: async (correlationId) =>
      (await callUnary("notify", notify.getPushPublicKey.bind(notify), {}, opts(correlationId))).publicKey,
    create: (request, correlationId) => callUnary("notify", notify.createSubscription.bind(notify), request, opts(correlationId)),
    remove: async (id, unsubscribeToken, correlationId) => {
      await callUnary("notify", notify.deleteSubscription.bind(notify), { id, unsubscribeToken }, opts(correlationId));
    },
  };
  const staffingBoard: StaffingBoard = {
    summary: (correlationId) => callUnary("staffing", staffing.getStaffingSummary.bind(staffing), {}, opts(correlationId)),
  };
  const alertReports: AlertReports = {
    read: (alertId, correlationId) => callUnary("notify", notify.getAlertReport.bind(notify), { alertId }, opts(correlationId)),
  };
  // Planning a whole city takes seconds, not the deadline of a lookup.
  const planning = (correlationId: string) => ({ correlationId, deadlineMs: Math.max(targets.deadlineMs, 60_000) });
  const staffingPlans: StaffingPlans = {
    propose: (requestedBy, correlationId) =>
      callUnary("staffing", staffing.proposeStaffingPlan.bind(staffing), { requestedBy }, planning(correlationId)),
    apply: (planId, appliedBy, correlationId) =>
      callUnary("staffing", staffing.applyStaffingPlan.bind(staffing), { planId, appliedBy }, planning(correlationId)),
  };
  const staffingTeams: StaffingTeams = {
    plan: (request, correlationId) => callUnary("staffing", staffing.planTeams.bind(staffing), request, planning(correlationId)),
    // A team out re-plans the posts its members hold.
    declareOut: (request, correlationId) => callUnary("staffing", staffing.declareTeamOut.bind(staffing), request, planning(correlationId)),
    endOut: async (teamId, correlationId) => {
      await callUnary("staffing", staffing.endTeamOut.bind(staffing), { teamId }, planning(correlationId));
    },
    now: (days, correlationId) => callUnary("staffing", staffing.getTeams.bind(staffing), { days }, opts(correlationId)),
    mine: (staffId, correlationId) => callUnary("staffing", staffing.getMyTeam.bind(staffing), { staffId }, opts(correlationId)),
  };
  const duties = client(DutiesServiceClient, targets.staffing);
  const dutyDesk: DutyDesk = {
    duties: (staffId, correlationId) => callUnary("staffing", duties.getStaffDuties.bind(duties), { staffId }, opts(correlationId)),
    // A decline re-plans one post: more than a lookup's deadline on a loaded machine.
    answer: (request, correlationId) => callUnary("staffing", duties.answerNotice.bind(duties), request, planning(correlationId)),
    replace: (request, correlationId) => callUnary("staffing", duties.replaceOnPost.bind(duties), request, planning(correlationId)),
    acknowledgements: (correlationId) => callUnary("staffing", duties.getAcknowledgements.bind(duties), {}, opts(correlationId)),
    roster: (correlationId) => callUnary("staffing", duties.getDutyRoster.bind(duties), {}, opts(correlationId)),
    coverage: (correlationId) => callUnary("staffing", duties.getCoverage.bind(duties), {}, opts(correlationId)),
  };
  return {
    dutyDesk,
    directory,
    previewer,
    guidance,
    subscriptions,
    staffing: staffingBoard,
    facilitiesAdmin,
    alertReports,
    staffingPlans,
    staffingTeams,
    crowding,
    close() {
      facilities.close();
      crowdingClient.close();
      notify.close();
      staffing.close();
      duties.close();
    },
  };
}

export type ServiceClients = ReturnType<typeof serviceClients>;
