import { modeView } from "../../../domain/mode";
import { StaffingBoard } from "./ports";

/** Staff, emergency posts and positions the assignment engine covered for the current mode. */
export async function readStaffingSummary(staffing: StaffingBoard, correlationId: string) {
  const summary = await staffing.summary(correlationId);
  return {
    mode: modeView(summary.mode),
    staff: summary.staff,
    posts: summary.posts,
    positionsRequired: summary.positionsRequired,
    positionsCovered: summary.positionsCovered,
    shelters: summary.shelters.map((s) => ({ id: s.facilityId, name: s.facilityName, ward: s.ward, posts: s.posts })),
  };
}
