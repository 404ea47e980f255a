/** Every error the staffing domain raises, declared once with a stable code and an HTTP status. */
export const STAFFING_ERRORS = {
  ROSTER_COLUMN_MISSING: { status: 400, message: (column: string) => `roster header lacks column "${column}"` },
  ROSTER_ROW_INVALID: { status: 400, message: (line: number, field: string, why: string) => `line ${line}: ${field} ${why}` },
  POST_PERIOD_INVALID: { status: 400, message: (postId: string) => `post ${postId}: end must be after start` },
  POSITION_COUNT_INVALID: { status: 400, message: (postId: string) => `post ${postId}: position count must be a positive whole number` },
  STAFF_DEPARTMENT_UNKNOWN: {
    status: 400,
    message: (staffId: string, department: string) => `staff ${staffId}: department "${department}" is not known`,
  },
  STAFF_DUPLICATE: { status: 400, message: (staffId: string) => `staff ${staffId} appears more than once` },
  SOLVER_FAILED: { status: 500, message: (status: string) => `the assignment solver stopped without an optimal answer (${status})` },
} as const;

export type StaffingErrorCode = keyof typeof STAFFING_ERRORS;

export class StaffingError extends Error {
  readonly status: number;
  constructor(
    readonly code: StaffingErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "StaffingError";
    this.status = STAFFING_ERRORS[code].status;
  }
}
