import { FastifyInstance } from "fastify";
import { z } from "zod";
import { Readiness } from "@crisis/platform";
import { roles } from "../auth/tokens";
import { declareRoute, serve } from "./declared-routes";
import { gatewayAnswers } from "./schema-parts";

export const gatewayApi = {
  me: declareRoute({
    method: "GET",
    url: "/api/v1/me",
    summary: "Who is signed in (session cookie or bearer token): subject and roles",
    roles,
    responses: { 200: "the signed-in person" },
    answers: { 200: z.object({ subject: z.string(), roles: z.array(z.enum(roles)) }) },
  }),
  openApi: declareRoute({ method: "GET", url: "/api/v1/openapi.json", summary: "This document", responses: { 200: "OpenAPI 3.1" } }),
  deprecations: declareRoute({
    method: "GET",
    url: "/api/v1/deprecations",
    summary:
      "The request spellings still taken for one release (old → current, per route); a request using one is answered with a Deprecation header linking here",
    responses: { 200: "when they were deprecated, and each route's old and current spelling" },
    answers: { 200: gatewayAnswers.deprecations },
  }),
  health: declareRoute({
    method: "GET",
    url: "/healthz",
    summary: "The process is alive",
    responses: { 200: "alive" },
    answers: { 200: gatewayAnswers.health },
  }),
  ready: declareRoute({
    method: "GET",
    url: "/readyz",
    summary: "Connected and able to take work",
    responses: { 200: "ready", 503: "not ready" },
    answers: { 200: gatewayAnswers.ready, 503: gatewayAnswers.ready },
  }),
};

/** The gateway's own routes: who is signed in (the pages show their panels from it), the API document and its deprecations, the probes. */
export function gatewayRoutes(
  app: FastifyInstance,
  readiness: Readiness,
  documents: { openApi: () => object; deprecations: () => object },
) {
  serve(app, gatewayApi.me, async ({ caller: { subject, roles: signedInRoles } }) => ({ subject, roles: signedInRoles }));
  let document: object | undefined;
  serve(app, gatewayApi.openApi, async () => (document ??= documents.openApi()));
  serve(app, gatewayApi.deprecations, async () => documents.deprecations());
  serve(app, gatewayApi.health, async () => ({ status: "ok" }));
  serve(app, gatewayApi.ready, async ({ reply }) => {
    const report = readiness.report();
    return reply.code(report.ready ? 200 : 503).send(report);
  });
}
