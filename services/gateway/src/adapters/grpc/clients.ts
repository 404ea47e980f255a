import { credentials } from "@grpc/grpc-js";
import { callUnary } from "@crisis/platform";
import { FacilitiesServiceClient } from "@crisis/platform/contracts/facilities_service";
import { CreateSubscriptionRequest } from "@crisis/platform/contracts/notify";
import { NotifyServiceClient } from "@crisis/platform/contracts/notify_service";
import { StaffingServiceClient } from "@crisis/platform/contracts/staffing_service";
import { FacilitiesDirectory, StaffingPlans } from "../../app/ports";

export interface ServiceTargets {
  facilities: string;
  staffing: string;
  notify: string;
  deadlineMs: number;
}

/** The gateway's view of the three services: every call carries a deadline and the correlation id. */
export function serviceClients(targets: ServiceTargets) {
  const facilities = new FacilitiesServiceClient(targets.facilities, credentials.createInsecure());
  const notify = new NotifyServiceClient(targets.notify, credentials.createInsecure());
  const staffing = new StaffingServiceClient(targets.staffing, credentials.createInsecure());
  const opts = (correlationId: string) => ({ correlationId, deadlineMs: targets.deadlineMs });
  const directory: FacilitiesDirectory = {
    list: async (correlationId) =>
      (await callUnary("facilities", facilities.listFacilities.bind(facilities), { ward: "", category: "" }, opts(correlationId)))
        .facilities,
  };
  // Planning a whole city takes seconds, not the deadline of a lookup.
  const planning = (correlationId: string) => ({ correlationId, deadlineMs: Math.max(targets.deadlineMs, 60_000) });
  const staffingPlans: StaffingPlans = {
    propose: (requestedBy, correlationId) =>
      callUnary("staffing", staffing.proposeStaffingPlan.bind(staffing), { requestedBy }, planning(correlationId)),
    apply: (planId, appliedBy, correlationId) =>
      callUnary("staffing", staffing.applyStaffingPlan.bind(staffing), { planId, appliedBy }, planning(correlationId)),
  };
  return {
    directory,
    staffingPlans,
    pushPublicKey: async (correlationId: string) =>
      (await callUnary("notify", notify.getPushPublicKey.bind(notify), {}, opts(correlationId))).publicKey,
    createSubscription: (request: CreateSubscriptionRequest, correlationId: string) =>
      callUnary("notify", notify.createSubscription.bind(notify), request, opts(correlationId)),
    deleteSubscription: (id: string, unsubscribeToken: string, correlationId: string) =>
      callUnary("notify", notify.deleteSubscription.bind(notify), { id, unsubscribeToken }, opts(correlationId)),
    staffingSummary: (correlationId: string) => callUnary("staffing", staffing.getStaffingSummary.bind(staffing), {}, opts(correlationId)),
    close() {
      facilities.close();
      notify.close();
      staffing.close();
    },
  };
}

export type ServiceClients = ReturnType<typeof serviceClients>;
