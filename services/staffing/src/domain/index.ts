/** The staffing domain's public face: what the service wires to gRPC and events. */
export * from "./types";
export { errors } from "./errors";
export { planAssignments, replan } from "./engine/replan";
export { replanPosition, replanPositions, type DeclineRequest, type LeavingRequest, type PositionReplan } from "./engine/replan-position";
export { optimumBound } from "./engine/optimum-bound";
export { greedyPlan } from "./engine/greedy-plan";
export { checkPlan, type Violation } from "./engine/check-plan";
export type { LinearProgramSolver, Solution } from "./engine/solver";
export { wardDistance } from "./engine/wards";
export { REST_HOURS } from "./engine/shifts";
export { OpenShelters, type OpenShelter } from "./plan/open-shelters";
export { ExtendedCounters, type ExtendedCounter } from "./plan/extended-counters";
export { daysAround, emergencyPosts, shiftsPlannedAt, type PostsInput } from "./plan/emergency-posts";
export { postTemplatesSchema, type PostTemplates } from "./plan/post-templates";
export { ROSTER_COLUMNS, DEPARTMENT_COLUMNS, type RosterProblem } from "./roster/roster-rows";
export * from "./duties/duty-record";
export { answerNotice, answered, reasonFits, type Answer } from "./duties/answers";
export {
  departmentHead,
  dueSteps,
  oldestUnanswered,
  tallyAnswers,
  type ReminderTimes,
  type ReminderStep,
  type Unanswered,
  type AcknowledgementCount,
} from "./duties/reminders";
export { endedPosts, postSource } from "./duties/ended-posts";
export * from "./teams";
