import { FastifyInstance } from "fastify";
import { DeclareModeDeps, declareMode } from "../../../app/declare-mode";
import { readMode } from "../../../app/read-mode";
import { levelName } from "@crisis/platform/contracts";
import { modeView } from "../../../domain/mode";
import { Authenticate } from "../server";
import { declarationBody, parseBody } from "../schemas";

export function modeRoutes(app: FastifyInstance, deps: DeclareModeDeps, authenticate: Authenticate) {
  app.get("/api/v1/mode", async () => readMode(deps.modes));

  app.post("/api/v1/mode", async (request, reply) => {
    const manager = await authenticate(request, "manager");
    const declaration = parseBody(declarationBody, request.body);
    const { event, seq } = await declareMode(deps, declaration, manager.subject, request.id);
    request.log.info(
      { eventId: event.eventId, level: declaration.level, incident: declaration.incident, wards: declaration.wards },
      "mode declared",
    );
    return reply.code(201).send({
      eventId: event.eventId,
      sequence: seq,
      previousLevel: levelName(event.previousLevel) ?? "unknown",
      mode: modeView(event.mode),
    });
  });
}
