import { Logger, unaryHandler } from "@crisis/platform";
import type { DutiesServiceServer } from "@crisis/platform/contracts/duties_service";
import type {
  Acknowledgements,
  AnswerNoticeRequest,
  AnswerNoticeResponse,
  CoverageNow,
  DutyRoster,
  ReplaceOnPostRequest,
  ReplaceOnPostResponse,
  StaffDuties,
} from "@crisis/platform/contracts/duties";

export interface DutiesUseCases {
  duties(staffId: string): Promise<StaffDuties>;
  answer(request: AnswerNoticeRequest, correlationId: string): Promise<AnswerNoticeResponse>;
  replace(request: ReplaceOnPostRequest, correlationId: string): Promise<ReplaceOnPostResponse>;
  acknowledgements(): Acknowledgements;
  roster(): DutyRoster;
  coverage(): CoverageNow;
}

/**
 * Staff duties over gRPC: a person's page, their answers, an officer's replacement on a post, the
 * acknowledgement progress, the roster and coverage now.
 */
export function dutiesServer(useCases: DutiesUseCases, logger: Logger): DutiesServiceServer {
  return {
    getStaffDuties: unaryHandler(logger, "GetStaffDuties", async (request: { staffId: string }) => useCases.duties(request.staffId)),
    answerNotice: unaryHandler(logger, "AnswerNotice", async (request: AnswerNoticeRequest, ctx) =>
      useCases.answer(request, ctx.correlationId),
    ),
    replaceOnPost: unaryHandler(logger, "ReplaceOnPost", async (request: ReplaceOnPostRequest, ctx) =>
      useCases.replace(request, ctx.correlationId),
    ),
    getAcknowledgements: unaryHandler(logger, "GetAcknowledgements", async () => useCases.acknowledgements()),
    getDutyRoster: unaryHandler(logger, "GetDutyRoster", async () => useCases.roster()),
    getCoverage: unaryHandler(logger, "GetCoverage", async () => useCases.coverage()),
  };
}
