export * from "./types";
export { splitTeams } from "./split-teams";
export { checkSplit } from "./check-split";
export { teamMargins } from "./margins";
export { officeDays, officeTeam, rotaDate, rotaDayOf } from "./rota";
export { floorsWhileOut } from "./team-out";
export { declareOut, endOut, myOfficeDays, teamsOut, type DepartmentRota, type TeamOut } from "./team-book";
export { officeTeamOn, rotaNotices, rotaView, type RotaNotice, type RotaView, type TeamView } from "./rota-view";
export { rotaPlanned, rotaReturned, rotaSuspended, staffRotaChanged } from "./rota-events";
