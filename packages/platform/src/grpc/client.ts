import { CallOptions, ClientUnaryCall, Metadata, ServiceError } from "@grpc/grpc-js";
import { headerNames } from "../ids";
import { fromServiceError } from "./errors";

type UnaryMethod<Req, Res> = (
  request: Req,
  metadata: Metadata,
  options: Partial<CallOptions>,
  callback: (error: ServiceError | null, response: Res) => void,
) => ClientUnaryCall;

export interface CallOptionsWithDeadline {
  correlationId: string;
  /** Every call has a deadline: a slow service must not hold a citizen's request forever. */
  deadlineMs: number;
}

/** Calls a unary method with a deadline and the correlation id; failures come back as catalogued errors. */
export function callUnary<Req, Res>(
  service: string,
  method: UnaryMethod<Req, Res>,
  request: Req,
  options: CallOptionsWithDeadline,
): Promise<Res> {
  const metadata = new Metadata();
  metadata.set(headerNames.correlationId, options.correlationId);
  return new Promise((resolve, reject) => {
    method(request, metadata, { deadline: Date.now() + options.deadlineMs }, (err, response) =>
      err ? reject(fromServiceError(err, service)) : resolve(response),
    );
  });
}
