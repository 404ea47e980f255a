import { Logger, unaryHandler } from "@crisis/platform";
import { StaffingServiceServer } from "@crisis/platform/contracts/staffing_service";
import { StaffingSummary } from "../../app/plan-for-mode";

/** The staffing summary the gateway shows managers: the mode staffing works to and how well posts are covered. */
export function staffingServer(current: () => StaffingSummary, logger: Logger): StaffingServiceServer {
  return {
    getStaffingSummary: unaryHandler(logger, "GetStaffingSummary", async () => current()),
  };
}
