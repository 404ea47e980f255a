import { Logger, unaryHandler } from "@crisis/platform";
import { FacilitiesServiceServer } from "@crisis/platform/contracts/facilities_service";
import { addRestriction } from "../../app/add-restriction";
import { correctFacility } from "../../app/correct-facility";
import { endRestriction } from "../../app/end-restriction";
import { listServices } from "../../app/list-services";
import { CrowdingDeps, FacilitiesDeps } from "../../app/ports";
import { previewMode } from "../../app/preview-mode";
import { getFacility, listFacilities } from "../../app/read-facilities";
import { readGuidance } from "../../app/read-guidance";
import { setServiceLevel } from "../../app/set-service-level";
import { setShelter } from "../../app/set-shelter";
import { errors } from "../../domain/errors";

/** @param crowding when given, a capacity correction re-rates the shelter's crowding at once. */
export function facilitiesServer(deps: FacilitiesDeps, logger: Logger, crowding?: CrowdingDeps): FacilitiesServiceServer {
  const now = () => deps.clock.now().getTime();
  const write = deps.exclusive;
  return {
    listFacilities: unaryHandler(logger, "ListFacilities", async (req) => listFacilities(deps.board, req, now())),
    getFacility: unaryHandler(logger, "GetFacility", async (req) => ({ facility: getFacility(deps.board, req.id, now()) })),
    previewMode: unaryHandler(logger, "PreviewMode", async (req) => {
      if (!req.mode) throw errors.modeMissing();
      return { preview: previewMode(deps.board, deps.playbooks, req.mode, deps.clock) };
    }),
    addRestriction: unaryHandler(logger, "AddRestriction", (req, ctx) => write(() => addRestriction(deps, req, ctx.correlationId))),
    endRestriction: unaryHandler(logger, "EndRestriction", (req, ctx) => write(() => endRestriction(deps, req, ctx.correlationId))),
    setShelter: unaryHandler(logger, "SetShelter", (req, ctx) => write(() => setShelter(deps, req, ctx.correlationId))),
    correctFacility: unaryHandler(logger, "CorrectFacility", (req, ctx) =>
      write(() => correctFacility(deps, req, ctx.correlationId, crowding)),
    ),
    listServices: unaryHandler(logger, "ListServices", async () => ({ services: listServices(deps.board, now()) })),
    setServiceLevel: unaryHandler(logger, "SetServiceLevel", (req, ctx) => write(() => setServiceLevel(deps, req, ctx.correlationId))),
    getGuidance: unaryHandler(logger, "GetGuidance", async (req) => {
      if (!req.mode) throw errors.modeMissing();
      return readGuidance(deps.playbooks, req.mode);
    }),
  };
}
