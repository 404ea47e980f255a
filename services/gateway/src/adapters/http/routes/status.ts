import { FastifyInstance } from "fastify";
import { FacilitiesDirectory, ModeLog } from "../../../app/ports";
import { readStatus } from "../../../app/read-status";

export function statusRoutes(app: FastifyInstance, modes: ModeLog, facilities: FacilitiesDirectory) {
  app.get("/api/v1/status", async (request) => readStatus(modes, facilities, request.id));
}
