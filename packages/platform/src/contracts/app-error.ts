/**
 * An error every service declares once in its catalogue (src/domain/errors.ts):
 * a stable code, an HTTP status, and a message naming the field at fault.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "AppError";
  }
}
