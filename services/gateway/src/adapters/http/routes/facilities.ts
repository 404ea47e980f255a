import { FastifyInstance } from "fastify";
import { ShelterOperation, shelterTerms, useTerms } from "@crisis/platform/contracts";
import { AddRestrictionRequest, FacilityCorrection, ListFacilitiesRequest } from "@crisis/platform/contracts/facilities";
import { correctFacility } from "../../../app/correct-facility";
import { FacilitiesAdmin } from "../../../app/ports";
import { ModeScope } from "../../../domain/facility-view";
import { readFacilities, readFacility } from "../../../app/read-facilities";
import { endFacilityRestriction, restrictFacility } from "../../../app/restrict-facility";
import { Authenticate } from "../declared-routes";
import { correctionBody, facilityListQuery, parseBody, parseQuery, restrictionBody } from "../schemas";

const writers = ["manager", "facility_admin"] as const;

export function facilityRoutes(app: FastifyInstance, facilities: FacilitiesAdmin, authenticate: Authenticate, mode: () => ModeScope) {
  app.get("/api/v1/facilities", async (request) => {
    const q = parseQuery(facilityListQuery, request.query);
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

  app.get<{ Params: { id: string } }>("/api/v1/facilities/:id", async (request) =>
    readFacility(facilities, request.params.id, request.id, mode()),
  );

  app.post<{ Params: { id: string } }>("/api/v1/facilities/:id/restrictions", async (request, reply) => {
    const who = await authenticate(request, writers);
    const body = parseBody(restrictionBody, request.body);
    const created = await restrictFacility(
      facilities,
      AddRestrictionRequest.fromPartial({
        ...body,
        facilityId: request.params.id,
        kind: useTerms[body.kind as keyof typeof useTerms].value,
        author: who.subject,
      }),
      request.id,
      mode(),
    );
    return reply.code(201).send(created);
  });

  app.delete<{ Params: { id: string; restrictionId: string } }>("/api/v1/facilities/:id/restrictions/:restrictionId", async (request) => {
    const who = await authenticate(request, writers);
    return endFacilityRestriction(facilities, request.params.id, request.params.restrictionId, who.subject, request.id, mode());
  });

  app.patch<{ Params: { id: string } }>("/api/v1/facilities/:id", async (request) => {
    const who = await authenticate(request, writers);
    const { reason, ...fields } = parseBody(correctionBody, request.body);
    return correctFacility(facilities, request.params.id, FacilityCorrection.fromPartial(fields), reason, who.subject, request.id, mode());
  });
}
