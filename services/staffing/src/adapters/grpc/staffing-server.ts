import { Logger, unaryHandler } from "@crisis/platform";
import { StaffingServiceServer } from "@crisis/platform/contracts/staffing_service";
import type { StaffingSummary } from "../../app/plan-posts";

/** The staffing summary the gateway shows managers: the mode staffing works to, the shelters it staffs and how well posts are covered. */
export function staffingServer(current: () => StaffingSummary, logger: Logger): StaffingServiceServer {
  return {
    getStaffingSummary: unaryHandler(logger, "GetStaffingSummary", async () => current()),
  };
}
