import type { StaffMember } from "../src/domain";

/** A member of the 保健 department in 中央区, free to work nights and from home unless told otherwise. */
export const hokenMember = (id: string, skills: string[] = [], canWorkFromHome = true): StaffMember => ({
  id,
  name: `職員 ${id}`,
  department: "hoken",
  ward: "中央区",
  skills,
  canWorkNights: true,
  unavailable: [],
  canWorkFromHome,
});
