// Continuity teams (班): the console's panel (each department's teams, each team's margin over every
// floor, today's office/home split, declaring a team out and back) and the staff page's "my team,
// my office days". Both read their words from the panel's data-words.
import type { z } from "zod";
import type { StaffWords } from "../src/adapters/http/page-parts/staff-words";
import type { teamAnswers } from "../src/areas/staffing/http/schemas";
import { cityTime, type PageBasics } from "./lib/city-time";
import { type Who, crisisDesk } from "./lib/crisis-desk";
import { byId, el, inBackground } from "./lib/dom";

type Words = StaffWords<"teams">;
type Rotas = z.infer<typeof teamAnswers.rotas>;
type Department = Rotas["departments"][number];
type Margin = Department["teams"][number]["margins"][number];

const desk = crisisDesk<PageBasics>();
const page = desk.data;
const wordsOf = (section: HTMLElement) => JSON.parse(section.dataset.words ?? "{}") as Words;

const day = (date: string) =>
  new Intl.DateTimeFormat(page.lang === "ja" ? "ja-JP" : "en-GB", {
    timeZone: "UTC",
    month: "numeric",
    day: "numeric",
    weekday: "short",
  }).format(new Date(`${date}T00:00:00Z`));
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

function marginsText(w: Words, margins: Margin[]) {
  return margins.map((m) => `${m.skill || w.headcount} ${m.have}/${m.minimum} (${signed(m.margin)})`).join(", ");
}

async function showTeams(section: HTMLElement, who: Who): Promise<void> {
  const w = wordsOf(section);
  const body = byId("teams-body");
  const res = await desk.api<Rotas>("GET", "/api/v1/staffing/teams?days=14");
  if (!res.ok) return desk.unavailable(section, res.missing ? undefined : desk.problem(res));
  body.replaceChildren();
  if (res.body.departments.length === 0) return body.append(el("p", {}, w.none));
  const officer = who.roles.includes("staffing_officer");
  for (const d of res.body.departments) {
    const box = el("div", { class: "team-department", "data-department": d.department });
    box.append(el("h3", {}, d.name));
    const state = d.floorsMet
      ? el("p", { class: "floors-met" }, w.floorsMet)
      : el("p", { class: "floors-short", role: "alert" }, `${w.floorsShort}: ${d.shortFloors.join("; ")}`);
    box.append(
      state,
      el("p", {}, `${w.today} ${day(res.body.today)}: ${w.office} ${d.today.office} / ${w.home} ${d.today.home} / ${w.out} ${d.today.out}`),
    );
    const rows = d.teams.map((t) => {
      const where = t.out ? `${w.out} (${cityTime(t.out.until, page)} ${w.until})` : t.officeToday ? w.office : w.home;
      const action = el("td", {});
      if (officer && t.out) {
        const back = el("button", { type: "button", "data-team": t.id }, w.back);
        back.addEventListener(
          "click",
          inBackground(async () => {
            const r = await desk.api<z.infer<typeof teamAnswers.ended>>("DELETE", `/api/v1/staffing/teams/${encodeURIComponent(t.id)}/out`);
            byId("teams-result").textContent = r.ok ? `${t.id}: ${w.ended}` : desk.problem(r);
            void showTeams(section, who);
          }),
        );
        action.append(back);
      }
      return el(
        "tr",
        { "data-team": t.id, class: t.margins.some((m) => m.margin < 0) ? "short" : "" },
        el("td", {}, t.letter),
        el("td", {}, String(t.size)),
        el("td", {}, String(t.atDesk)),
        el("td", {}, where),
        el("td", { class: "team-margins" }, marginsText(w, t.margins)),
        action,
      );
    });
    const head = el("tr", {}, ...[w.team, w.size, w.atDesk, w.today, w.margins, ""].map((h) => el("th", {}, h)));
    box.append(el("div", { class: "scroll" }, el("table", { class: "team-table" }, el("thead", {}, head), el("tbody", {}, ...rows))));
    if (officer) box.append(outForm(w, d, section, who));
    body.append(box);
  }
}

function outForm(w: Words, d: Department, section: HTMLElement, who: Who) {
  const form = el("form", { class: "filters team-out" });
  const team = el("select", { name: "team", "aria-label": w.team }, ...d.teams.map((t) => el("option", { value: t.id }, t.letter)));
  const reason = el("input", {
    name: "reason",
    required: "",
    maxlength: "500",
    size: "16",
    "aria-label": w.reason,
    placeholder: w.reason,
  });
  const until = el("input", { name: "until", type: "date", required: "", "aria-label": w.outUntil });
  form.append(team, reason, until, el("button", { type: "submit" }, w.declareOut));
  form.addEventListener(
    "submit",
    inBackground(async (e: SubmitEvent) => {
      e.preventDefault();
      // The out ends at the start of the chosen day in Kumamoto: the team is back that morning.
      const r = await desk.api<z.infer<typeof teamAnswers.out>>("POST", `/api/v1/staffing/teams/${encodeURIComponent(team.value)}/out`, {
        reason: reason.value,
        until: `${until.value}T00:00:00+09:00`,
      });
      byId("teams-result").textContent = r.ok
        ? `${team.value}: ${w.declared} ${r.body.postsReplaced}/${r.body.postsReplaced + r.body.postsOpen}${r.body.shortFloors.length ? ` — ${w.floorsShort}: ${r.body.shortFloors.join("; ")}` : ""}`
        : desk.problem(r);
      if (r.ok) void showTeams(section, who);
    }),
  );
  return form;
}

async function showMyTeam(section: HTMLElement): Promise<void> {
  const w = wordsOf(section);
  const body = byId("my-team-body");
  const res = await desk.api<z.infer<typeof teamAnswers.mine>>("GET", "/api/v1/staff/me/team");
  if (!res.ok) return desk.unavailable(section, res.missing ? undefined : desk.problem(res));
  const t = res.body.team;
  if (!t) return body.replaceChildren(el("p", {}, w.noTeam));
  const lines: HTMLElement[] = [el("p", { class: "big" }, `${t.departmentName} ${t.letter}${page.lang === "ja" ? w.team : ""}`)];
  if (t.out)
    lines.push(
      el("p", { class: "stay-home", role: "status" }, `${w.stayHome}: ${cityTime(t.out.until, page)} ${w.until} (${t.out.reason})`),
    );
  else if (t.officeDays.length === 0) lines.push(el("p", {}, w.noOfficeDays));
  else
    lines.push(
      el("p", {}, `${w.officeDays}:`),
      el("ul", { class: "office-days" }, ...t.officeDays.map((d) => el("li", { "data-date": d }, day(d)))),
    );
  body.replaceChildren(...lines);
}

desk.onSignedIn((who) => {
  const teams = document.getElementById("teams");
  if (teams && !teams.hidden) void showTeams(teams, who);
  const mine = document.getElementById("my-team");
  if (mine && !mine.hidden) void showMyTeam(mine);
});
