import { Lang } from "@crisis/platform/contracts";
import { html } from "./html";
import { staffWords } from "./staff-words";

/** The browser module behind both panels (after desk.js, before the page's own script). */
export const teamsScript = "/assets/teams.js";

/** Console: each department's teams, each team's margin over every floor, today's office/home split. */
export function teamsPanel(lang: Lang) {
  const w = staffWords(lang, "teams");
  return html`<section
    id="teams"
    class="panel needs-token"
    data-roles="manager staffing_officer"
    data-words="${JSON.stringify(w)}"
    aria-labelledby="teams-title"
    hidden
  >
    <h2 id="teams-title">${w.teams}</h2>
    <p><a href="/api/v1/staffing/teams/rota.csv" download="team-rota.csv">${w.csv}</a></p>
    <p id="teams-result" role="status"></p>
    <div id="teams-body" aria-live="polite"></div>
    <p class="unavailable" hidden></p>
  </section>`;
}

/** Staff page: the person's team, and their office days or that they stay home until …. */
export function myTeamPanel(lang: Lang) {
  const w = staffWords(lang, "teams");
  return html`<section id="my-team" class="panel needs-token" data-words="${JSON.stringify(w)}" aria-labelledby="my-team-title" hidden>
    <h2 id="my-team-title">${w.myTeam}</h2>
    <div id="my-team-body"></div>
    <p class="unavailable" hidden></p>
  </section>`;
}
