import { FastifyInstance } from "fastify";
import { serviceLevelTerms } from "@crisis/platform/contracts";
import { FacilitiesAdmin } from "../../../app/ports";
import { readExpectedWaiting, readService, readServices } from "../app/read-services";
import { expectedWaiting } from "../domain/expected-waiting";
import { WaitingDeps, reportWaiting } from "../app/report-waiting";
import { setServiceLevel } from "../app/set-service-level";
import { declareRoute, serve } from "../../../adapters/http/declared-routes";
import { counterAnswers, serviceLevelBody, waitingBody } from "./schemas";

export const serviceApi = {
  list: declareRoute({
    method: "GET",
    url: "/api/v1/services",
    summary: "Counter services and each channel's level",
    responses: { 200: "{services}" },
    answers: { 200: counterAnswers.services },
  }),
  one: declareRoute({
    method: "GET",
    url: "/api/v1/services/:id",
    summary: "One counter service: each channel's level (online is the alternative to coming) and the counter's waiting figure",
    responses: { 200: "the service, with waiting: {waiting, nextFreeSlot, reportedAt, ageSeconds} or null" },
    answers: { 200: counterAnswers.counterService },
    problems: { 404: "SERVICE_NOT_FOUND" },
  }),
  expectedWaiting: declareRoute({
    method: "GET",
    url: "/api/v1/services/:id/expected-waiting",
    summary:
      "A counter's usual wait per hour of the week (city time), learned from its recorded waiting figures (median per hour over the last 8 weeks), and the quiet hours",
    responses: { 200: "{serviceId, serviceName, hours: [{weekday, hour, expected, samples}], quiet, samples}" },
    answers: { 200: counterAnswers.expectedWaiting },
    problems: { 404: "SERVICE_NOT_FOUND" },
  }),
  reportWaiting: declareRoute({
    method: "POST",
    url: "/api/v1/services/:id/waiting",
    summary:
      "Report a counter's waiting figure (staff on a post at that service's counter now, a facility_admin or a manager): people waiting, or the next free slot of a reservation-only counter",
    roles: ["manager", "facility_admin", "staff"],
    body: waitingBody,
    responses: { 201: "the service with its waiting figure" },
    answers: { 201: counterAnswers.counterService },
    problems: { 403: "NOT_ON_POST", 404: "SERVICE_NOT_FOUND", 422: "waiting or nextFreeSlot at fault" },
  }),
  setLevel: declareRoute({
    method: "PUT",
    url: "/api/v1/services/:id/channels/:channel",
    summary: "Set a counter service's level on one channel",
    roles: ["manager", "facility_admin"],
    body: serviceLevelBody,
    responses: { 200: "the service" },
    answers: { 200: counterAnswers.service },
  }),
};

export function serviceRoutes(app: FastifyInstance, facilities: FacilitiesAdmin, waiting: WaitingDeps) {
  const waitingOf = (id: string) => waiting.board.view(id, waiting.clock.now().getTime());
  serve(app, serviceApi.list, async ({ request }) => readServices(facilities, request.id, waitingOf));
  serve(app, serviceApi.one, async ({ request, params }) => readService(facilities, params.id, request.id, waitingOf));
  serve(app, serviceApi.expectedWaiting, async ({ request, params }) =>
    readExpectedWaiting(facilities, params.id, request.id, (id) =>
      expectedWaiting(waiting.board.samples(id), waiting.clock.now().getTime()),
    ),
  );

  serve(app, serviceApi.setLevel, async ({ request, params, body, caller: who }) => {
    return setServiceLevel(
      facilities,
      {
        serviceId: params.id,
        channel: params.channel,
        level: serviceLevelTerms[body.level].value,
        reason: body.reason,
        author: who.subject,
        startsAt: body.startsAt ?? "",
        endsAt: body.endsAt ?? "",
      },
      request.id,
    );
  });

  // The body is checked before the post: a bad figure is refused the same way whoever sends it.
  serve(app, serviceApi.reportWaiting, async ({ request, reply, params, body, caller: who }) => {
    const staffOnly = !who.roles.includes("manager") && !who.roles.includes("facility_admin");
    return reply.code(201).send(await reportWaiting(waiting, params.id, body, { subject: who.subject, staffOnly }, request.id));
  });
}
