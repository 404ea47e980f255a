import { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { headerNames, isBackboneUnavailable } from "@crisis/platform";
import { AppError, ResidentLang, say } from "@crisis/platform/contracts";
import { errors, problemSentences } from "../../domain/errors";
import { requestLanguage } from "./request-language";

/**
 * A refusal as RFC 9457 problem+json, with a stable code and the field at fault. `detail` is for the
 * person: the catalogue's sentence in the request's language for the refusals a person meets
 * (Japanese and English when the request names no language the hub has); `message` is the English
 * explanation for developers and the logs.
 */
export function problemBody(err: AppError, correlationId: string, lang: ResidentLang | undefined) {
  const key = problemSentences[err.code];
  const values = { field: err.field ?? "none", reference: correlationId };
  const detail = !key ? err.message : lang ? say(lang, key, values) : `${say("ja", key, values)} / ${say("en", key, values)}`;
  return {
    type: "about:blank",
    title: err.code,
    status: err.status,
    code: err.code,
    detail,
    message: err.message,
    field: err.field ?? null,
    correlationId,
  };
}

/** Every refusal leaves the gateway this way. */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, err: AppError) {
  return reply
    .code(err.status)
    .header(headerNames.correlationId, request.id)
    .type("application/problem+json")
    .send(problemBody(err, request.id, requestLanguage(request)));
}

/** Fastify's own refusals of a body that is not JSON. */
const notJson = new Set(["FST_ERR_CTP_INVALID_MEDIA_TYPE", "FST_ERR_CTP_EMPTY_JSON_BODY", "FST_ERR_CTP_INVALID_JSON_BODY"]);

export function problemHandler(err: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) return sendProblem(request, reply, err);
  const fastifyError = err as FastifyError;
  if (notJson.has(fastifyError.code)) {
    return sendProblem(request, reply, errors.bodyNotJson());
  }
  if (isBackboneUnavailable(err)) {
    request.log.warn({ err }, "event backbone unavailable");
    return sendProblem(request, reply, errors.backboneUnavailable());
  }
  if (fastifyError.statusCode && fastifyError.statusCode < 500) {
    // Fastify's own codes and messages name its internals: answer with ours.
    const status = fastifyError.statusCode;
    const own =
      status === 413 ? errors.bodyTooLarge() : new AppError("REQUEST_INVALID", status, "the request is not valid for this endpoint");
    return sendProblem(request, reply, own);
  }
  request.log.error({ err }, "request failed");
  return sendProblem(request, reply, new AppError("INTERNAL", 500, "internal error; the correlation id identifies it in the logs"));
}
