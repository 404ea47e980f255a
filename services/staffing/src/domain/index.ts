/** The staffing domain's public face: what the service wires to gRPC and events. */
export * from "./types";
export { StaffingError, STAFFING_ERRORS, type StaffingErrorCode } from "./errors";
export { planAssignments, replan } from "./replan";
export { optimumBound } from "./optimum-bound";
export { greedyPlan } from "./greedy-plan";
export { checkPlan, type Violation } from "./check-plan";
export { generateCity, type CityOptions, type SyntheticCity } from "./synthetic-city";
export { earthquakePosts, OPEN_SHELTERS_0729, type PostOptions } from "./synthetic-posts";
export { importRoster, ROSTER_COLUMNS, type RosterImport, type RosterProblem } from "./roster-csv";
export { wardDistance } from "./wards";
export { REST_HOURS } from "./shifts";
