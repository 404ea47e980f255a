import { Metadata, ServiceError, status } from "@grpc/grpc-js";
import { AppError } from "../contracts/app-error";

const codeKey = "crisis-error-code";
const fieldKey = "crisis-error-field";
const httpStatusKey = "crisis-http-status";

function grpcStatusFor(httpStatus: number): status {
  if (httpStatus === 400 || httpStatus === 422) return status.INVALID_ARGUMENT;
  if (httpStatus === 401) return status.UNAUTHENTICATED;
  if (httpStatus === 403) return status.PERMISSION_DENIED;
  if (httpStatus === 404) return status.NOT_FOUND;
  if (httpStatus === 409) return status.ABORTED;
  if (httpStatus === 503) return status.UNAVAILABLE;
  return status.INTERNAL;
}

/** Carries a catalogued error across gRPC: code, field and HTTP status travel in trailing metadata. */
export function toServiceError(err: unknown): Partial<ServiceError> {
  const metadata = new Metadata();
  if (err instanceof AppError) {
    metadata.set(codeKey, err.code);
    metadata.set(httpStatusKey, String(err.status));
    if (err.field) metadata.set(fieldKey, err.field);
    return { code: grpcStatusFor(err.status), details: err.message, metadata };
  }
  return { code: status.INTERNAL, details: "internal error", metadata };
}

/** Turns a failed call back into the catalogued error the server raised, or an upstream failure. */
export function fromServiceError(err: ServiceError, service: string): AppError {
  const code = err.metadata?.get(codeKey)[0];
  if (typeof code === "string") {
    const httpStatus = Number(err.metadata.get(httpStatusKey)[0] ?? 500);
    const field = err.metadata.get(fieldKey)[0];
    return new AppError(code, httpStatus, err.details, typeof field === "string" ? field : undefined);
  }
  if (err.code === status.DEADLINE_EXCEEDED || err.code === status.UNAVAILABLE) {
    return new AppError("UPSTREAM_UNAVAILABLE", 503, `${service} did not answer in time; try again shortly`);
  }
  return new AppError("UPSTREAM_FAILED", 502, `${service} failed: ${err.details}`);
}
