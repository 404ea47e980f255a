import { Logger, unaryHandler } from "@crisis/platform";
import { FacilitiesServiceServer } from "@crisis/platform/contracts/facilities_service";
import { getFacility, listFacilities } from "../../app/read-facilities";
import { FacilityBoard } from "../../domain/facility-board";

export function facilitiesServer(board: FacilityBoard, logger: Logger): FacilitiesServiceServer {
  return {
    listFacilities: unaryHandler(logger, "ListFacilities", async (req) => ({ facilities: listFacilities(board, req) })),
    getFacility: unaryHandler(logger, "GetFacility", async (req) => ({ facility: getFacility(board, req.id) })),
  };
}
