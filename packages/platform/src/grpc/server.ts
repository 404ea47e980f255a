import {
  Server,
  ServerCredentials,
  ServerUnaryCall,
  ServiceDefinition,
  UntypedServiceImplementation,
  handleUnaryCall,
  sendUnaryData,
  status,
} from "@grpc/grpc-js";
import { AppError } from "../contracts/app-error";
import { Logger } from "pino";
import { headerNames, newId } from "../ids";
import { grpcRequests, grpcSeconds } from "../metrics";
import { toServiceError } from "./errors";

/** Adapts an async use case to a gRPC unary handler: correlation id in, catalogued errors out. */
export function unaryHandler<Req, Res>(
  logger: Logger,
  method: string,
  fn: (request: Req, ctx: { correlationId: string; logger: Logger }) => Promise<Res>,
): handleUnaryCall<Req, Res> {
  return (call: ServerUnaryCall<Req, Res>, callback: sendUnaryData<Res>) => {
    const correlationId = String(call.metadata.get(headerNames.correlationId)[0] ?? newId());
    const log = logger.child({ correlationId, rpc: method });
    const timer = grpcSeconds.startTimer({ method });
    fn(call.request, { correlationId, logger: log }).then(
      (response) => {
        timer();
        grpcRequests.inc({ method, outcome: "ok" });
        callback(null, response);
      },
      (err: unknown) => {
        timer();
        const serviceError = toServiceError(err);
        grpcRequests.inc({ method, outcome: serviceError.code === status.INTERNAL ? "failed" : "refused" });
        if (serviceError.code === status.INTERNAL) log.error({ err }, "rpc failed");
        else log.info({ code: (err as AppError).code, detail: serviceError.details }, "rpc refused");
        callback(serviceError, null);
      },
    );
  };
}

export interface GrpcServer {
  port: number;
  /** Stops accepting calls and waits for in-flight calls to finish. */
  stop(): Promise<void>;
}

export async function startGrpcServer(
  host: string,
  port: number,
  services: { definition: ServiceDefinition; implementation: UntypedServiceImplementation }[],
): Promise<GrpcServer> {
  const server = new Server();
  for (const s of services) server.addService(s.definition, s.implementation);
  const boundPort = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`${host}:${port}`, ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
  );
  return {
    port: boundPort,
    stop: () => new Promise<void>((resolve) => server.tryShutdown(() => resolve())),
  };
}
