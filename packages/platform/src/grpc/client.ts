import { CallOptions, ChannelOptions, ClientUnaryCall, Metadata, ServiceError } from "@grpc/grpc-js";
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

/**
 * Where a client connects: one `host:port`, or the instances of a service as `ip:port,ip:port`.
 * Calls go round robin to the instances that accept connections (a standby does not listen until it
 * takes over), and a channel reconnects within two seconds to an instance that comes (back) up.
 */
export function grpcChannel(target: string): { address: string; options: ChannelOptions } {
  const options: ChannelOptions = { "grpc.initial_reconnect_backoff_ms": 250, "grpc.max_reconnect_backoff_ms": 2_000 };
  if (!target.includes(",")) return { address: target, options };
  return {
    address: `ipv4:${target}`,
    options: { ...options, "grpc.service_config": JSON.stringify({ loadBalancingConfig: [{ round_robin: {} }] }) },
  };
}
