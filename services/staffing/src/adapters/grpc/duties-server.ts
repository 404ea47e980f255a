import { Logger, unaryHandler } from "@crisis/platform";
import type { DutiesServiceServer } from "@crisis/platform/contracts/duties_service";
import type { Acknowledgements, AnswerNoticeRequest, AnswerNoticeResponse, StaffDuties } from "@crisis/platform/contracts/duties";

export interface DutiesUseCases {
  duties(staffId: string): Promise<StaffDuties>;
  answer(request: AnswerNoticeRequest, correlationId: string): Promise<AnswerNoticeResponse>;
  acknowledgements(): Acknowledgements;
}

/** Staff duties over gRPC: a person's page, their answers, and the acknowledgement progress. */
export function dutiesServer(useCases: DutiesUseCases, logger: Logger): DutiesServiceServer {
  return {
    getStaffDuties: unaryHandler(logger, "GetStaffDuties", async (request: { staffId: string }) => useCases.duties(request.staffId)),
    answerNotice: unaryHandler(logger, "AnswerNotice", async (request: AnswerNoticeRequest, ctx) =>
      useCases.answer(request, ctx.correlationId),
    ),
    getAcknowledgements: unaryHandler(logger, "GetAcknowledgements", async () => useCases.acknowledgements()),
  };
}
