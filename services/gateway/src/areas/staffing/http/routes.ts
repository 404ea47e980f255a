import { FastifyInstance } from "fastify";
import { StaffingBoard } from "../app/ports";
import { readStaffingSummary } from "../app/read-staffing-summary";
import { declareRoute, serve } from "../../../adapters/http/declared-routes";
import { staffingAnswers } from "./schemas";

export const staffingApi = {
  summary: declareRoute({
    method: "GET",
    url: "/api/v1/staffing/summary",
    summary: "How the emergency posts are staffed",
    roles: ["manager"],
    responses: { 200: "staff, posts and positions covered" },
    answers: { 200: staffingAnswers.staffingSummary },
  }),
};

export function staffingRoutes(app: FastifyInstance, staffing: StaffingBoard) {
  serve(app, staffingApi.summary, async ({ request }) => readStaffingSummary(staffing, request.id));
}
