import { Logger, unaryHandler } from "@crisis/platform";
import { CrowdingServiceServer } from "@crisis/platform/contracts/crowding_service";
import { CrowdingDeps } from "../../app/ports";
import { getCrowding, listCrowding, nearestShelters, occupancyHistory } from "../../app/read-crowding";
import { reportOccupancy } from "../../app/report-occupancy";

export function crowdingServer(deps: CrowdingDeps, logger: Logger): CrowdingServiceServer {
  return {
    // Runs one at a time with the other writes (reportOccupancy takes deps.exclusive itself).
    reportOccupancy: unaryHandler(logger, "ReportOccupancy", (req, ctx) => reportOccupancy(deps, req, ctx.correlationId)),
    listCrowding: unaryHandler(logger, "ListCrowding", async (req) => listCrowding(deps, req)),
    getCrowding: unaryHandler(logger, "GetCrowding", async (req) => getCrowding(deps, req)),
    nearestShelters: unaryHandler(logger, "NearestShelters", async (req) => nearestShelters(deps, req)),
    occupancyHistory: unaryHandler(logger, "OccupancyHistory", async (req) => occupancyHistory(deps, req)),
  };
}
