import { Lang, formatCityTime, sayStaffPage } from "@crisis/platform/contracts";
import { DailySheet } from "../../domain/daily-summary";
import { Html, html } from "../../../../adapters/http/page-parts/html";
import { barChart } from "./incident-report-page";
import { page } from "../../../../adapters/http/page-parts/layout";
import { staffWords } from "../../../../adapters/http/page-parts/staff-words";

/** The decisions a sheet lists; the rest are counted (a sheet stays one page). */
const decisionsShown = 10;

const percent = (rate: number) => `${Math.round(rate * 1000) / 10} %`;
const minutes = (seconds: number | null) => (seconds === null ? "none" : Math.round(seconds / 6) / 10);
const locale = { ja: "ja-JP", en: "en-GB" } as const;
const dayOf = (date: string, lang: Lang) => formatCityTime(Date.parse(`${date}T12:00:00Z`), locale[lang], { dateStyle: "full" });
const timeOf = (iso: string, lang: Lang) =>
  formatCityTime(
    Date.parse(iso),
    locale[lang],
    lang === "ja"
      ? { month: "numeric", day: "numeric", hour: "numeric", minute: "2-digit" }
      : { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" },
  );
const clock = (iso: string) => formatCityTime(Date.parse(iso), "en-GB", { hour: "2-digit", minute: "2-digit" });

function sheetOf(s: DailySheet, lang: Lang, base: string): Html {
  const w = staffWords(lang, "summary");
  const unit = (n: number, u: string) =>
    html`<data value="${n}">${n.toLocaleString("en")}</data>${u ? html`<span class="unit">${u}</span>` : ""}`;
  const shown = s.decisions.slice(0, decisionsShown);
  const range = `from=${encodeURIComponent(s.from)}&to=${encodeURIComponent(s.asOf)}`;
  const asOf = sayStaffPage(lang, "summary.asOf", { time: timeOf(s.asOf, lang) });
  const answers = sayStaffPage(lang, "summary.answers", {
    notices: s.answers.notices,
    acknowledged: s.answers.acknowledged,
    declined: s.answers.declined,
    rate: percent(s.answers.ackRate),
    median: minutes(s.answers.medianAnswerSeconds),
  });
  const alertLine = sayStaffPage(lang, "summary.alertLine", {
    alerts: s.alerts.alerts,
    messages: s.alerts.messages,
    reached: s.alerts.reached,
    rate: percent(s.alerts.deliveryRate),
  });
  const more = sayStaffPage(lang, "summary.more", { n: s.decisions.length - shown.length });
  return html`<article class="sheet" data-date="${s.date}">
    <header class="sheet-head">
      <p class="city">${w.city}</p>
      <h1>${w.title}<span class="subtitle">${w.subtitle}</span></h1>
      <p class="when">${dayOf(s.date, lang)} · <time datetime="${s.asOf}">${asOf}</time></p>
      <p class="no-print">
        <a href="/api/v1/reports/incident?${range}&format=html&lang=${lang}">${w.fullReport}</a> ·
        <a href="${base}?date=${s.date}&format=pdf&lang=${lang}">${w.pdf}</a>
      </p>
    </header>
    <dl class="key-figures">
      <div data-figure="shelters-open">
        <dt>${w.keySheltersOpen}</dt>
        <dd>${unit(s.totals.sheltersOpen, w.places)}</dd>
      </div>
      <div data-figure="evacuees">
        <dt>${w.keyEvacuees}</dt>
        <dd>${unit(s.totals.evacuees, w.people)}</dd>
      </div>
      <div data-figure="staff-deployed">
        <dt>${w.keyStaff}</dt>
        <dd>${unit(s.totals.staffDeployed, w.people)}</dd>
      </div>
    </dl>
    <section>
      <h2>${w.shelters}</h2>
      <div class="side">
        <table data-table="wards">
          <thead>
            <tr>
              <th scope="col">${w.ward}</th>
              <th scope="col">${w.sheltersOpen}</th>
              <th scope="col">${w.evacuees}</th>
              <th scope="col">${w.peakEvacuees}</th>
            </tr>
          </thead>
          <tbody>
            ${s.wards.map(
              (r) =>
                html`<tr>
                  <th scope="row">${r.ward}</th>
                  <td>${r.sheltersOpen}</td>
                  <td>${r.evacuees}</td>
                  <td>${r.peakEvacuees}</td>
                </tr>`,
            )}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">${w.total}</th>
              <td>${s.totals.sheltersOpen}</td>
              <td>${s.totals.evacuees}</td>
              <td>${s.totals.peakEvacuees}</td>
            </tr>
          </tfoot>
        </table>
        ${
          s.wards.length
            ? barChart(
                w.evacueesChart,
                s.wards.map((r) => ({ label: r.ward, value: r.evacuees })),
              )
            : ""
        }
      </div>
    </section>
    <section>
      <h2>${w.staff}</h2>
      <table data-table="staff">
        <thead>
          <tr>
            <th scope="col">${w.department}</th>
            <th scope="col">${w.deployed}</th>
            <th scope="col">${w.hours}</th>
          </tr>
        </thead>
        <tbody>
          ${s.staff.map(
            (r) =>
              html`<tr>
                <th scope="row">${r.department}</th>
                <td>${r.people}</td>
                <td>${r.hours}</td>
              </tr>`,
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">${w.total}</th>
            <td>${s.totals.staffDeployed}</td>
            <td>${s.totals.staffHours}</td>
          </tr>
        </tfoot>
      </table>
      <p data-figure="answers">${answers}</p>
    </section>
    <section>
      <h2>${w.alerts}</h2>
      <p data-figure="alerts">${alertLine}</p>
    </section>
    <section>
      <h2>${w.counters}</h2>
      ${
        s.counters.levels.length || s.counters.waiting.length
          ? html`<table data-table="counters">
              <thead>
                <tr>
                  <th scope="col">${w.counter}</th>
                  <th scope="col">${w.level}</th>
                  <th scope="col">${w.latestWaiting}</th>
                  <th scope="col">${w.maxWaiting}</th>
                </tr>
              </thead>
              <tbody>
                ${counterRows(s).map(
                  (r) =>
                    html`<tr>
                      <th scope="row">${r.name}</th>
                      <td>${r.levels.map((l) => `${clock(l.at)} ${l.level}`).join(", ") || "–"}</td>
                      <td>${r.latest ?? "–"}</td>
                      <td>${r.max ?? "–"}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
          : html`<p>${w.none}</p>`
      }
    </section>
    <section>
      <h2>${w.decisions}</h2>
      ${
        shown.length
          ? html`<table data-table="decisions">
              <thead>
                <tr>
                  <th scope="col">${w.at}</th>
                  <th scope="col">${w.what}</th>
                  <th scope="col">${w.who}</th>
                  <th scope="col">${w.approver}</th>
                </tr>
              </thead>
              <tbody>
                ${shown.map(
                  (d) =>
                    html`<tr>
                      <td><time datetime="${d.at}">${clock(d.at)}</time></td>
                      <td>${d.kind}${d.why ? html`<br /><span class="why">${d.why}</span>` : ""}</td>
                      <td>${d.who}</td>
                      <td>${d.approver || "–"}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
          : html`<p>${w.none}</p>`
      }
      ${s.decisions.length > shown.length ? html`<p>${more}</p>` : ""}
    </section>
  </article>`;
}

/** Each counter once: its level changes of the day and its waiting figures. */
function counterRows(s: DailySheet) {
  const rows = new Map<string, { name: string; levels: DailySheet["counters"]["levels"]; latest?: number; max?: number }>();
  const row = (id: string, name: string) => {
    const known = rows.get(id);
    if (known) return known;
    const added: { name: string; levels: DailySheet["counters"]["levels"]; latest?: number; max?: number } = {
      name: name || id,
      levels: [],
    };
    rows.set(id, added);
    return added;
  };
  for (const l of s.counters.levels) row(l.serviceId, l.serviceName).levels.push(l);
  for (const c of s.counters.waiting) Object.assign(row(c.serviceId, c.serviceName), { latest: c.latest, max: c.max });
  return [...rows.values()];
}

/** The HQ meeting's sheets, one printed page per day; `path` is this page's (with its query) for the language switch. */
export function dailySummaryPage(sheets: DailySheet[], lang: Lang, path: string): string {
  const base = path.split("?")[0];
  return page({
    lang,
    title: `${staffWords(lang, "summary").title} ${sheets.map((s) => s.date).join(", ")}`,
    path,
    body: html`${sheets.map((s) => sheetOf(s, lang, base))}`,
    scripts: [],
    styles: ["/assets/report.css"],
  });
}
