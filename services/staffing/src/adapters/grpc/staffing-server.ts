import { Logger, unaryHandler } from "@crisis/platform";
import { StaffingServiceServer } from "@crisis/platform/contracts/staffing_service";
import type {
  StaffingPlan,
  ApplyStaffingPlanResponse,
  DeclareTeamOutRequest,
  DeclareTeamOutResponse,
  EndTeamOutRequest,
  EndTeamOutResponse,
  GetMyTeamRequest,
  GetTeamsRequest,
  MyTeam,
  PlanTeamsRequest,
  TeamPlan,
  TeamsNow,
} from "@crisis/platform/contracts/staffing";
import type { StaffingSummary } from "../../app/plan-posts";

export interface StaffingUseCases {
  summary(): StaffingSummary;
  propose(): Promise<StaffingPlan>;
  apply(planId: string, appliedBy: string, correlationId: string): Promise<ApplyStaffingPlanResponse>;
  planTeams(request: PlanTeamsRequest, correlationId: string): Promise<TeamPlan>;
  declareTeamOut(request: DeclareTeamOutRequest, correlationId: string): Promise<DeclareTeamOutResponse>;
  endTeamOut(request: EndTeamOutRequest, correlationId: string): Promise<EndTeamOutResponse>;
  teams(request: GetTeamsRequest): Promise<TeamsNow>;
  myTeam(request: GetMyTeamRequest): Promise<MyTeam>;
}

/** Staffing over gRPC: the summary managers see, plans proposed for review, applying one, and continuity teams. */
export function staffingServer(useCases: StaffingUseCases, logger: Logger): StaffingServiceServer {
  return {
    getStaffingSummary: unaryHandler(logger, "GetStaffingSummary", async () => useCases.summary()),
    proposeStaffingPlan: unaryHandler(logger, "ProposeStaffingPlan", async () => useCases.propose()),
    applyStaffingPlan: unaryHandler(logger, "ApplyStaffingPlan", async (request: { planId: string; appliedBy: string }) =>
      useCases.apply(request.planId, request.appliedBy, `apply-${request.planId}`),
    ),
    planTeams: unaryHandler(logger, "PlanTeams", async (request: PlanTeamsRequest) =>
      useCases.planTeams(request, `teams-${request.firstDay}`),
    ),
    declareTeamOut: unaryHandler(logger, "DeclareTeamOut", async (request: DeclareTeamOutRequest) =>
      useCases.declareTeamOut(request, `team-out-${request.teamId}-${request.until}`),
    ),
    endTeamOut: unaryHandler(logger, "EndTeamOut", async (request: EndTeamOutRequest) =>
      useCases.endTeamOut(request, `team-back-${request.teamId}`),
    ),
    getTeams: unaryHandler(logger, "GetTeams", async (request: GetTeamsRequest) => useCases.teams(request)),
    getMyTeam: unaryHandler(logger, "GetMyTeam", async (request: GetMyTeamRequest) => useCases.myTeam(request)),
  };
}
