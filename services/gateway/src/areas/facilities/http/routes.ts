import { FastifyInstance } from "fastify";
import { ShelterOperation, shelterTerms, useTerms } from "@crisis/platform/contracts";
import { AddRestrictionRequest, FacilityCorrection, ListFacilitiesRequest } from "@crisis/platform/contracts/facilities";
import { correctFacility } from "../app/correct-facility";
import { FacilitiesAdmin } from "../../../app/ports";
import { ModeScope } from "../../../domain/facility-view";
import { readFacilities, readFacility } from "../app/read-facilities";
import { endFacilityRestriction, restrictFacility } from "../app/restrict-facility";
import { declareRoute, serve } from "../../../adapters/http/declared-routes";
import { correctionBody, facilityAnswers, facilityListQuery, restrictionBody } from "./schemas";

const writers = ["manager", "facility_admin"] as const;

export const facilityApi = {
  list: declareRoute({
    method: "GET",
    url: "/api/v1/facilities",
    summary: "Facilities with their use and shelter operation, filtered and paged (nearest first with near=)",
    query: facilityListQuery,
    responses: { 200: "{total, nextCursor, facilities}" },
    answers: { 200: facilityAnswers.facilities },
  }),
  one: declareRoute({
    method: "GET",
    url: "/api/v1/facilities/:id",
    summary: "One facility: registry entry, use, shelter, reasons, restrictions and history",
    responses: { 200: "the facility" },
    problems: { 404: "FACILITY_NOT_FOUND" },
    answers: { 200: facilityAnswers.facility },
  }),
  restrict: declareRoute({
    method: "POST",
    url: "/api/v1/facilities/:id/restrictions",
    summary: "Restrict or close a facility, now or in a window",
    roles: writers,
    body: restrictionBody,
    responses: { 201: "the restriction and the facility" },
    problems: { 404: "FACILITY_NOT_FOUND", 409: "DECISION_CONFLICT", 422: "END_BEFORE_START or a field at fault" },
    answers: { 201: facilityAnswers.restricted },
  }),
  endRestriction: declareRoute({
    method: "DELETE",
    url: "/api/v1/facilities/:id/restrictions/:restrictionId",
    summary: "End a restriction now (it stays in the history)",
    roles: writers,
    responses: { 200: "the facility" },
    problems: { 404: "FACILITY_NOT_FOUND or RESTRICTION_NOT_FOUND" },
    answers: { 200: facilityAnswers.facility },
  }),
  correct: declareRoute({
    method: "PATCH",
    url: "/api/v1/facilities/:id",
    summary: "Correct the registry (never re-announces an opening)",
    roles: writers,
    body: correctionBody,
    responses: { 200: "{fields, facility}" },
    answers: { 200: facilityAnswers.corrected },
  }),
};

export function facilityRoutes(app: FastifyInstance, facilities: FacilitiesAdmin, mode: () => ModeScope) {
  serve(app, facilityApi.list, async ({ request, query: q }) => {
    const query = ListFacilitiesRequest.fromPartial({
      ward: q.ward,
      category: q.category,
      use: q.use ? useTerms[q.use].value : undefined,
      shelter: q.shelter ? shelterTerms[q.shelter].value : ShelterOperation.SHELTER_OPERATION_UNSPECIFIED,
      hasNear: q.near !== undefined,
      nearLatitude: q.near?.[0],
      nearLongitude: q.near?.[1],
      radiusM: q.near ? (q.radiusM ?? 2000) : 0,
      cursor: q.cursor,
      limit: q.limit,
    });
    return readFacilities(facilities, query, request.id, mode());
  });

  serve(app, facilityApi.one, async ({ request, params }) => readFacility(facilities, params.id, request.id, mode()));

  serve(app, facilityApi.restrict, async ({ request, reply, params, body, caller: who }) => {
    const created = await restrictFacility(
      facilities,
      AddRestrictionRequest.fromPartial({
        ...body,
        facilityId: params.id,
        kind: useTerms[body.kind as keyof typeof useTerms].value,
        author: who.subject,
      }),
      request.id,
      mode(),
    );
    return reply.code(201).send(created);
  });

  serve(app, facilityApi.endRestriction, async ({ request, params, caller: who }) =>
    endFacilityRestriction(facilities, params.id, params.restrictionId, who.subject, request.id, mode()),
  );

  serve(app, facilityApi.correct, async ({ request, params, body: { reason, ...fields }, caller: who }) => {
    return correctFacility(facilities, params.id, FacilityCorrection.fromPartial(fields), reason, who.subject, request.id, mode());
  });
}
