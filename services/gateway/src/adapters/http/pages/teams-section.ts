import { Lang } from "@crisis/platform/contracts";
import { html } from "./html";

/** The browser module behind both panels (after desk.js, before the page's own script). */
export const teamsScript = "/assets/teams.js";

const words = {
  ja: {
    teams: "班体制（継続チーム）",
    myTeam: "私の班と出勤日",
    csv: "ローテーション表 (CSV)",
    none: "班体制はまだ適用されていません。",
    floorsMet: "どの班が欠けても最低人数を満たします",
    floorsShort: "最低人数を満たせません",
    today: "本日",
    office: "出勤",
    home: "在宅",
    out: "自宅待機",
    team: "班",
    size: "人数",
    atDesk: "在席",
    margins: "最低人数に対する余裕",
    headcount: "人数",
    until: "まで",
    declareOut: "班を自宅待機にする",
    reason: "理由",
    outUntil: "期間の終わり",
    back: "復帰",
    declared: "宣言しました。配置の組み直し",
    ended: "復帰しました",
    noTeam: "あなたは班に属していません。",
    stayHome: "あなたの班は自宅待機です",
    officeDays: "出勤日",
    noOfficeDays: "当面の出勤日はありません",
  },
  en: {
    teams: "Continuity teams",
    myTeam: "My team, my office days",
    csv: "Rota (CSV)",
    none: "No team plan is in force yet.",
    floorsMet: "Every floor holds whichever team is lost",
    floorsShort: "Floors not met",
    today: "Today",
    office: "office",
    home: "home",
    out: "out",
    team: "Team",
    size: "People",
    atDesk: "At desks",
    margins: "Margin over each floor",
    headcount: "headcount",
    until: "until",
    declareOut: "Declare a team out",
    reason: "Reason",
    outUntil: "Until",
    back: "Back",
    declared: "Declared. Posts re-planned",
    ended: "Back on the rota",
    noTeam: "You are in no continuity team.",
    stayHome: "Your team is out",
    officeDays: "Office days",
    noOfficeDays: "No office days for now",
  },
} as const;

/** Console: each department's teams, each team's margin over every floor, today's office/home split. */
export function teamsPanel(lang: Lang) {
  const w = words[lang];
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
  const w = words[lang];
  return html`<section id="my-team" class="panel needs-token" data-words="${JSON.stringify(w)}" aria-labelledby="my-team-title" hidden>
    <h2 id="my-team-title">${w.myTeam}</h2>
    <div id="my-team-body"></div>
    <p class="unavailable" hidden></p>
  </section>`;
}
