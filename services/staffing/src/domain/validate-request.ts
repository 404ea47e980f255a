import { StaffingError, STAFFING_ERRORS } from "./errors";
import type { PlanRequest } from "./types";

/** Refuses requests the engine cannot plan truthfully, naming the first bad field. */
export function validateRequest(request: PlanRequest): void {
  const departments = new Set(request.departments.map((d) => d.id));
  const seen = new Set<string>();
  for (const person of request.staff) {
    if (seen.has(person.id)) throw new StaffingError("STAFF_DUPLICATE", STAFFING_ERRORS.STAFF_DUPLICATE.message(person.id));
    seen.add(person.id);
    if (!departments.has(person.department)) {
      throw new StaffingError("STAFF_DEPARTMENT_UNKNOWN", STAFFING_ERRORS.STAFF_DEPARTMENT_UNKNOWN.message(person.id, person.department));
    }
  }
  for (const post of request.posts) {
    if (!(post.end.getTime() > post.start.getTime()))
      throw new StaffingError("POST_PERIOD_INVALID", STAFFING_ERRORS.POST_PERIOD_INVALID.message(post.id));
    if (post.positions.some((p) => !Number.isInteger(p.count) || p.count < 1)) {
      throw new StaffingError("POSITION_COUNT_INVALID", STAFFING_ERRORS.POSITION_COUNT_INVALID.message(post.id));
    }
  }
}
