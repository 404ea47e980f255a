import { errors } from "../errors";
import type { PlanRequest } from "../types";

/** Refuses requests the engine cannot plan truthfully, naming the first bad field. */
export function validateRequest(request: PlanRequest): void {
  const departments = new Set(request.departments.map((d) => d.id));
  const seen = new Set<string>();
  for (const person of request.staff) {
    if (seen.has(person.id)) throw errors.staffDuplicate(person.id);
    seen.add(person.id);
    if (!departments.has(person.department)) {
      throw errors.staffDepartmentUnknown(person.id, person.department);
    }
  }
  for (const post of request.posts) {
    if (!(post.end.getTime() > post.start.getTime())) throw errors.postPeriodInvalid(post.id);
    if (post.positions.some((p) => !Number.isInteger(p.count) || p.count < 1)) {
      throw errors.positionCountInvalid(post.id);
    }
  }
}
