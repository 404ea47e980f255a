/** The generated contract types, re-exported by name (the generated files share helper names). */
export { Incident, FacilityStatus, Mode, ModeLevel, facilityStatusToJSON } from "./gen/crisis/v1/common";
export { AlertIssued, FacilityStatusChanged, ModeChanged, PlaybookApplied, PushDeliveryRequested } from "./gen/crisis/v1/events";
export {
  Facility,
  FacilitiesServiceClient,
  type FacilitiesServiceServer,
  FacilitiesServiceService,
  GetFacilityRequest,
  GetFacilityResponse,
  ListFacilitiesRequest,
  ListFacilitiesResponse,
} from "./gen/crisis/v1/facilities";
export {
  CreateSubscriptionRequest,
  CreateSubscriptionResponse,
  DeleteSubscriptionRequest,
  DeleteSubscriptionResponse,
  GetPushPublicKeyRequest,
  GetPushPublicKeyResponse,
  NotifyServiceClient,
  type NotifyServiceServer,
  NotifyServiceService,
  PushSubscription,
} from "./gen/crisis/v1/notify";
export {
  GetStaffingSummaryRequest,
  GetStaffingSummaryResponse,
  StaffingServiceClient,
  type StaffingServiceServer,
  StaffingServiceService,
} from "./gen/crisis/v1/staffing";
