import { KeyObject } from "node:crypto";
import Fastify, { FastifyBaseLogger, FastifyRequest, LogController } from "fastify";
import { Clock, Logger, Readiness, headerNames, newId } from "@crisis/platform";
import { DeclareModeDeps } from "../../app/declare-mode";
import { errors } from "../../domain/errors";
import { Principal, Role, verifyBearer } from "../auth/tokens";
import { ServiceClients } from "../grpc/clients";
import { problemHandler, sendProblem } from "./problem";
import { modeRoutes } from "./routes/mode";
import { staffingRoutes } from "./routes/staffing";
import { staffingPlanRoutes } from "./routes/staffing-plans";
import { statusRoutes } from "./routes/status";
import { subscriptionRoutes } from "./routes/subscriptions";

/** Checks the bearer token and that it carries one of the roles; resolves to the caller. */
export type Authenticate = (request: FastifyRequest, allowed: Role | readonly Role[]) => Promise<Principal>;

export interface HttpDeps {
  logger: Logger;
  readiness: Readiness;
  tokenKey: KeyObject;
  clock: Clock;
  modes: DeclareModeDeps;
  services: ServiceClients;
}

const correlationIdPattern = /^[\w.:-]{8,128}$/;

/** The only HTTP edge: JSON API under /api/v1, problem+json errors, correlation id on every line. */
export function buildHttpServer(deps: HttpDeps) {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    bodyLimit: 64 * 1024,
    logController: new LogController({ requestIdLogLabel: "correlationId" }),
    genReqId: (req) => {
      const given = req.headers[headerNames.correlationId];
      return typeof given === "string" && correlationIdPattern.test(given) ? given : newId();
    },
  });
  app.addHook("onSend", async (request, reply) => {
    reply.header(headerNames.correlationId, request.id);
  });
  app.setErrorHandler(problemHandler);
  app.setNotFoundHandler((request, reply) => sendProblem(reply, errors.routeNotFound(request.url), request.id));

  const authenticate: Authenticate = async (request, allowed) => {
    const principal = await verifyBearer(request.headers.authorization, deps.tokenKey, deps.clock.now());
    const anyOf: readonly Role[] = typeof allowed === "string" ? [allowed] : allowed;
    if (!anyOf.some((role) => principal.roles.includes(role))) throw errors.roleForbidden(anyOf.join('" or "'));
    return principal;
  };

  app.get("/healthz", async () => ({ status: "ok" }));
  app.get("/readyz", async (_request, reply) => {
    const report = deps.readiness.report();
    return reply.code(report.ready ? 200 : 503).send(report);
  });
  modeRoutes(app, deps.modes, authenticate);
  subscriptionRoutes(app, deps.services);
  statusRoutes(app, deps.modes.modes, deps.services.directory);
  staffingRoutes(app, deps.services, authenticate);
  staffingPlanRoutes(app, deps.services.staffingPlans, authenticate);
  return app;
}
