import { AppError } from "@crisis/platform/contracts";

/** The staffing service's error catalogue: stable codes, statuses, messages naming the field. */
export const errors = {
  rosterColumnMissing: (column: string) => new AppError("ROSTER_COLUMN_MISSING", 400, `roster header lacks column "${column}"`, column),
  rosterRowInvalid: (line: number, field: string, why: string) =>
    new AppError("ROSTER_ROW_INVALID", 400, `line ${line}: ${field} ${why}`, field),
  postPeriodInvalid: (postId: string) => new AppError("POST_PERIOD_INVALID", 400, `post ${postId}: end must be after start`, "posts.end"),
  positionCountInvalid: (postId: string) =>
    new AppError("POSITION_COUNT_INVALID", 400, `post ${postId}: position count must be a positive whole number`, "posts.positions.count"),
  staffDepartmentUnknown: (staffId: string, department: string) =>
    new AppError("STAFF_DEPARTMENT_UNKNOWN", 400, `staff ${staffId}: department "${department}" is not known`, "staff.department"),
  staffDuplicate: (staffId: string) => new AppError("STAFF_DUPLICATE", 400, `staff ${staffId} appears more than once`, "staff.id"),
  planNotFound: (planId: string) => new AppError("PLAN_NOT_FOUND", 404, `staffing plan "${planId}" does not exist`, "planId"),
  planStale: (planId: string, changes: string) =>
    new AppError(
      "PLAN_STALE",
      409,
      `staffing plan "${planId}" was made before the situation changed (${changes}); propose a new plan`,
      "planId",
    ),
  staffNotFound: (staffId: string) => new AppError("STAFF_NOT_FOUND", 404, `no staff member "${staffId}"`, "staffId"),
  noticeNotFound: (noticeId: string) => new AppError("NOTICE_NOT_FOUND", 404, `notice "${noticeId}" does not exist`, "noticeId"),
  noticeAlreadyAnswered: (noticeId: string, state: string) =>
    new AppError("NOTICE_ALREADY_ANSWERED", 409, `notice "${noticeId}" was already ${state}`, "noticeId"),
  noticeNotDeclinable: (noticeId: string, kind: string) =>
    new AppError("NOTICE_NOT_DECLINABLE", 409, `notice "${noticeId}" (${kind}) carries no duty to decline; acknowledge it`, "noticeId"),
  declineReasonInvalid: () => new AppError("DECLINE_REASON_INVALID", 422, "reason must be 1 to 500 characters", "reason"),
  teamNotFound: (teamId: string) => new AppError("TEAM_NOT_FOUND", 404, `no team ${teamId} in the team plan in force`, "id"),
  teamOutUntilInvalid: () => new AppError("TEAM_OUT_UNTIL_INVALID", 422, "until must be a time after now", "until"),
  teamDepartmentUnknown: (index: number, department: string) =>
    new AppError("TEAM_DEPARTMENT_UNKNOWN", 422, `no department "${department}" in the roster`, `departments[${index}].department`),
  teamNotOut: (teamId: string) => new AppError("TEAM_NOT_OUT", 409, `team ${teamId} is not out`, "id"),
  replaceReasonInvalid: () => new AppError("REPLACE_REASON_INVALID", 422, "reason must be 1 to 500 characters", "reason"),
  assignmentNotFound: (staffId: string, postId: string) =>
    new AppError("ASSIGNMENT_NOT_FOUND", 404, `staff "${staffId}" is not on post "${postId}" in the plan in force`, "staff_id"),
  solverFailed: (status: string) =>
    new AppError("SOLVER_FAILED", 500, `the assignment solver stopped without an optimal answer (${status})`),
};
