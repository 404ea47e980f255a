import {
  ApplyStaffingPlanResponse,
  StaffingPlan,
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

/** The staffing area's ports; main.ts fills them in. */

/** How the emergency posts are staffed, planned by staffing for the current mode. */
export interface StaffingBoard {
  summary(correlationId: string): Promise<GetStaffingSummaryResponse>;
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
