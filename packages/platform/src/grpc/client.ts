import { CallOptions, ChannelCredentials, ChannelOptions, ClientUnaryCall, Metadata, ServiceError, credentials } from "@grpc/grpc-js";
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
 * Where a client connects: `host:port` (every address the name resolves to: a headless Kubernetes
 * Service, a Compose service with replicas) or the instances as `ip:port,ip:port`. Calls go round
 * robin to the instances that accept connections (a standby does not listen until it takes over),
 * and a channel reconnects within two seconds to an instance that comes (back) up.
 */
export function grpcChannel(target: string): { address: string; options: ChannelOptions } {
  return {
    address: target.includes(",") ? `ipv4:${target}` : target,
    options: {
      "grpc.initial_reconnect_backoff_ms": 250,
      "grpc.max_reconnect_backoff_ms": 2_000,
      "grpc.service_config": JSON.stringify({ loadBalancingConfig: [{ round_robin: {} }] }),
    },
  };
}

/**
 * Every gRPC client is built here, on grpcChannel's address and options: a client built any other
 * way would call one instance only and take grpc-js's default backoff (up to two minutes) to find
 * the standby after a fail-over.
 */
export function grpcClient<T>(Client: new (address: string, creds: ChannelCredentials, options: ChannelOptions) => T, target: string): T {
  const { address, options } = grpcChannel(target);
  return new Client(address, credentials.createInsecure(), options);
}
