import { FastifyInstance } from "fastify";
import { z } from "zod";
import { ShelterOperation, categories, shelterTerms, useNames, useTerms, wards } from "@crisis/platform/contracts";
import { AddRestrictionRequest, FacilityCorrection, ListFacilitiesRequest } from "@crisis/platform/contracts/facilities";
import { correctFacility } from "../../../app/correct-facility";
import { FacilitiesAdmin } from "../../../app/ports";
import { readFacilities, readFacility } from "../../../app/read-facilities";
import { endFacilityRestriction, restrictFacility } from "../../../app/restrict-facility";
import { Authenticate } from "../server";
import { parseBody } from "../schemas";

const writers = ["manager", "facility_admin"] as const;
const zoned = z.iso.datetime({ offset: true, message: "must be an RFC 3339 time with a zone, e.g. 2026-07-29T09:00:00+09:00" });
const inJapan = (min: number, max: number) => z.number().min(min, "is not in Japan").max(max, "is not in Japan");

const listQuery = z.strictObject({
  ward: z.enum(wards).optional(),
  category: z.enum(categories).optional(),
  use: z.enum(useNames).optional(),
  shelter: z.enum(Object.keys(shelterTerms) as [keyof typeof shelterTerms]).optional(),
  near: z
    .string()
    .regex(/^-?\d+(\.\d+)?,-?\d+(\.\d+)?$/, "must be <lat>,<lon>")
    .transform((s) => s.split(",").map(Number) as [number, number])
    .refine(([lat, lon]) => lat >= 20 && lat <= 46 && lon >= 122 && lon <= 154, "is not a place in Japan")
    .optional(),
  radiusM: z.coerce.number().positive().max(50_000).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

const restrictionBody = z.strictObject({
  kind: z.enum(useNames.filter((u) => u !== "open") as [string, ...string[]]),
  reason: z.string().trim().min(1, "must say why (1–500 characters)").max(500),
  startsAt: zoned.optional(),
  endsAt: zoned.optional(),
  hours: z.string().max(200).optional(),
  capacity: z.number().int().positive().optional(),
  parts: z.array(z.string().min(1).max(100)).max(50).optional(),
});

const correctionBody = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    nameEn: z.string().trim().max(200).optional(),
    address: z.string().trim().min(1).max(300).optional(),
    latitude: inJapan(20, 46).optional(),
    longitude: inJapan(122, 154).optional(),
    hours: z.string().max(300).optional(),
    reason: z.string().trim().max(500).default(""),
  })
  .refine((b) => Object.keys(b).some((k) => k !== "reason"), "name, nameEn, address, latitude, longitude or hours is required");

export function facilityRoutes(app: FastifyInstance, facilities: FacilitiesAdmin, authenticate: Authenticate) {
  app.get("/api/v1/facilities", async (request) => {
    const q = parseBody(listQuery, request.query);
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
    return readFacilities(facilities, query, request.id);
  });

  app.get<{ Params: { id: string } }>("/api/v1/facilities/:id", async (request) => readFacility(facilities, request.params.id, request.id));

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
    );
    return reply.code(201).send(created);
  });

  app.delete<{ Params: { id: string; restrictionId: string } }>("/api/v1/facilities/:id/restrictions/:restrictionId", async (request) => {
    const who = await authenticate(request, writers);
    return endFacilityRestriction(facilities, request.params.id, request.params.restrictionId, who.subject, request.id);
  });

  app.patch<{ Params: { id: string } }>("/api/v1/facilities/:id", async (request) => {
    const who = await authenticate(request, writers);
    const { reason, ...fields } = parseBody(correctionBody, request.body);
    return correctFacility(facilities, request.params.id, FacilityCorrection.fromPartial(fields), reason, who.subject, request.id);
  });
}
