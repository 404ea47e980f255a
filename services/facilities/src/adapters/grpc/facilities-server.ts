import { Clock, Logger, unaryHandler } from "@crisis/platform";
import { FacilitiesServiceServer } from "@crisis/platform/contracts/facilities_service";
import { previewMode } from "../../app/preview-mode";
import { getFacility, listFacilities } from "../../app/read-facilities";
import { errors } from "../../domain/errors";
import { FacilityBoard } from "../../domain/facility-board";

export function facilitiesServer(board: FacilityBoard, clock: Clock, logger: Logger): FacilitiesServiceServer {
  return {
    listFacilities: unaryHandler(logger, "ListFacilities", async (req) => ({ facilities: listFacilities(board, req) })),
    getFacility: unaryHandler(logger, "GetFacility", async (req) => ({ facility: getFacility(board, req.id) })),
    previewMode: unaryHandler(logger, "PreviewMode", async (req) => {
      if (!req.mode) throw errors.modeMissing();
      return { preview: previewMode(board, req.mode, clock) };
    }),
  };
}
