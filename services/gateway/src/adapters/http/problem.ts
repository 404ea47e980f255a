import { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { headerNames, isBackboneUnavailable } from "@crisis/platform";
import { AppError } from "@crisis/platform/contracts";
import { errors } from "../../domain/errors";

/** Every refusal leaves the gateway as RFC 9457 problem+json with a stable code and the field at fault. */
export function sendProblem(reply: FastifyReply, err: AppError, correlationId: string) {
  return reply
    .code(err.status)
    .header(headerNames.correlationId, correlationId)
    .type("application/problem+json")
    .send({
      type: "about:blank",
      title: err.code,
      status: err.status,
      code: err.code,
      detail: err.message,
      field: err.field ?? null,
      correlationId,
    });
}

/** Fastify's own refusals of a body that is not JSON. */
const notJson = new Set(["FST_ERR_CTP_INVALID_MEDIA_TYPE", "FST_ERR_CTP_EMPTY_JSON_BODY", "FST_ERR_CTP_INVALID_JSON_BODY"]);

export function problemHandler(err: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) return sendProblem(reply, err, request.id);
  const fastifyError = err as FastifyError;
  if (notJson.has(fastifyError.code)) {
    return sendProblem(reply, errors.bodyNotJson(), request.id);
  }
  if (isBackboneUnavailable(err)) {
    request.log.warn({ err }, "event backbone unavailable");
    return sendProblem(reply, errors.backboneUnavailable(), request.id);
  }
  if (fastifyError.statusCode && fastifyError.statusCode < 500) {
    // Fastify's own codes and messages name its internals: answer with ours.
    const status = fastifyError.statusCode;
    const own =
      status === 413 ? errors.bodyTooLarge() : new AppError("REQUEST_INVALID", status, "the request is not valid for this endpoint");
    return sendProblem(reply, own, request.id);
  }
  request.log.error({ err }, "request failed");
  return sendProblem(reply, new AppError("INTERNAL", 500, "internal error; the correlation id identifies it in the logs"), request.id);
}
