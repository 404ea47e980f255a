import { Lang, formatCityTime } from "@crisis/platform/contracts";
import { DailySheet } from "../../../domain/daily-summary";
import { Html, html } from "./html";
import { barChart } from "./incident-report-page";
import { page } from "./layout";

const words = {
  ja: {
    title: "災害対策本部会議 資料",
    subtitle: "被害・対応状況（日報）",
    city: "熊本市",
    day: (date: string) => formatCityTime(Date.parse(`${date}T12:00:00Z`), "ja-JP", { dateStyle: "full" }),
    asOf: (t: string) =>
      `${formatCityTime(Date.parse(t), "ja-JP", { month: "numeric", day: "numeric", hour: "numeric", minute: "2-digit" })} 現在`,
    keySheltersOpen: "開設避難所",
    keyEvacuees: "避難者",
    keyStaff: "配置職員",
    places: "か所",
    people: "人",
    shelters: "1 避難所の開設状況・避難者数",
    ward: "区",
    sheltersOpen: "開設避難所数",
    evacuees: "避難者数（時点）",
    peakEvacuees: "最大避難者数",
    total: "合計",
    evacueesChart: "避難者数（区別・時点）",
    staff: "2 職員の配置",
    department: "部局",
    deployed: "配置人数",
    hours: "従事時間（時間）",
    answers: (a: DailySheet["answers"]) =>
      `応援の依頼 ${a.notices} 件：承諾 ${a.acknowledged} 件、辞退 ${a.declined} 件（承諾率 ${percent(a.ackRate)}）、応答までの時間（中央値） ${minutes(a.medianAnswerSeconds, "分")}`,
    alerts: "3 情報発信",
    alertLine: (a: DailySheet["alerts"]) =>
      `配信 ${a.alerts} 件、送信 ${a.messages} 通、到達 ${a.reached} 通（到達率 ${percent(a.deliveryRate)}）`,
    counters: "4 窓口の運用",
    counter: "窓口",
    level: "運用",
    at: "時刻",
    maxWaiting: "最大待ち人数",
    latestWaiting: "最新の待ち人数",
    decisions: "5 主な決定事項",
    who: "決定者",
    approver: "承認者",
    what: "内容",
    more: (n: number) => `ほか ${n} 件（全体の報告を参照）`,
    none: "なし",
    fullReport: "この日の全体の報告",
    pdf: "PDF で保存",
  },
  en: {
    title: "Disaster HQ meeting figure sheet",
    subtitle: "Situation and response (daily)",
    city: "Kumamoto City",
    day: (date: string) => formatCityTime(Date.parse(`${date}T12:00:00Z`), "en-GB", { dateStyle: "full" }),
    asOf: (t: string) =>
      `as of ${formatCityTime(Date.parse(t), "en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" })}`,
    keySheltersOpen: "Shelters open",
    keyEvacuees: "Evacuees",
    keyStaff: "Staff deployed",
    places: "",
    people: "",
    shelters: "1 Shelters open and evacuees",
    ward: "Ward",
    sheltersOpen: "Shelters open",
    evacuees: "Evacuees (as of)",
    peakEvacuees: "Peak evacuees",
    total: "Total",
    evacueesChart: "Evacuees per ward (as of)",
    staff: "2 Staff deployed",
    department: "Department",
    deployed: "People",
    hours: "Hours served",
    answers: (a: DailySheet["answers"]) =>
      `Duty notices ${a.notices}: acknowledged ${a.acknowledged}, declined ${a.declined} (rate ${percent(a.ackRate)}), median time to answer ${minutes(a.medianAnswerSeconds, "min")}`,
    alerts: "3 Alerts",
    alertLine: (a: DailySheet["alerts"]) =>
      `${a.alerts} alerts, ${a.messages} messages sent, ${a.reached} reached (delivery rate ${percent(a.deliveryRate)})`,
    counters: "4 Counters",
    counter: "Counter",
    level: "Level",
    at: "Time",
    maxWaiting: "Most waiting",
    latestWaiting: "Waiting now",
    decisions: "5 Decisions",
    who: "Decided by",
    approver: "Approver",
    what: "What",
    more: (n: number) => `and ${n} more (see the full report)`,
    none: "none",
    fullReport: "Full report of this day",
    pdf: "Save as PDF",
  },
} as const;

/** The decisions a sheet lists; the rest are counted (a sheet stays one page). */
const decisionsShown = 10;

const percent = (rate: number) => `${Math.round(rate * 1000) / 10} %`;
const minutes = (seconds: number | null, unit: string) => (seconds === null ? "–" : `${Math.round(seconds / 6) / 10} ${unit}`);
const clock = (iso: string) => formatCityTime(Date.parse(iso), "en-GB", { hour: "2-digit", minute: "2-digit" });

function sheetOf(s: DailySheet, lang: Lang, base: string): Html {
  const w = words[lang];
  const unit = (n: number, u: string) =>
    html`<data value="${n}">${n.toLocaleString("en")}</data>${u ? html`<span class="unit">${u}</span>` : ""}`;
  const shown = s.decisions.slice(0, decisionsShown);
  const range = `from=${encodeURIComponent(s.from)}&to=${encodeURIComponent(s.asOf)}`;
  return html`<article class="sheet" data-date="${s.date}">
    <header class="sheet-head">
      <p class="city">${w.city}</p>
      <h1>${w.title}<span class="subtitle">${w.subtitle}</span></h1>
      <p class="when">${w.day(s.date)} · <time datetime="${s.asOf}">${w.asOf(s.asOf)}</time></p>
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
      <p data-figure="answers">${w.answers(s.answers)}</p>
    </section>
    <section>
      <h2>${w.alerts}</h2>
      <p data-figure="alerts">${w.alertLine(s.alerts)}</p>
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
      ${s.decisions.length > shown.length ? html`<p>${w.more(s.decisions.length - shown.length)}</p>` : ""}
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
    title: `${words[lang].title} ${sheets.map((s) => s.date).join(", ")}`,
    path,
    body: html`${sheets.map((s) => sheetOf(s, lang, base))}`,
    scripts: [],
    styles: ["/assets/report.css"],
  });
}
