import { FastifyInstance } from "fastify";
import { StaffingBoard } from "../../../app/ports";
import { readStaffingSummary } from "../../../app/read-staffing-summary";
import { Authenticate } from "../declared-routes";

export function staffingRoutes(app: FastifyInstance, staffing: StaffingBoard, authenticate: Authenticate) {
  app.get("/api/v1/staffing/summary", async (request) => {
    await authenticate(request, "manager");
    return readStaffingSummary(staffing, request.id);
  });
}
