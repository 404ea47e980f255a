import { Lang } from "@crisis/platform/contracts";
import { IncidentReport } from "../../domain/incident-report";
import { Html, html } from "../../../../adapters/http/page-parts/html";
import { page } from "../../../../adapters/http/page-parts/layout";
import { staffWords } from "../../../../adapters/http/page-parts/staff-words";

/** The report's tables by name, each a header and rows of plain values: what CSV and the page's tables show. */
export function reportTables(report: IncidentReport): Record<string, { columns: string[]; rows: (string | number | null)[][] }> {
  const { shelters, alerts, staff, counters } = report;
  return {
    timeline: {
      columns: ["at", "kind", "who", "why", "approver", "what"],
      rows: report.timeline.map((t) => [t.at, t.kind, t.who, t.why, t.approver, t.what]),
    },
    "shelters-open": { columns: ["day", "ward", "open"], rows: shelters.openPerWardPerDay.map((r) => [r.day, r.ward, r.open]) },
    evacuees: {
      columns: ["hour", "ward", "shelters", "evacuees"],
      rows: shelters.evacueesPerWardPerHour.map((r) => [r.hour, r.ward, r.shelters, r.evacuees]),
    },
    alerts: {
      columns: [
        "alertId",
        "title",
        "decidedAt",
        "issuedAt",
        "messages",
        "reached",
        "failed",
        "deliveryRate",
        "firstPushSeconds",
        "p99PushSeconds",
      ],
      rows: alerts.map((a) => [
        a.alertId,
        a.title,
        a.decidedAt,
        a.issuedAt,
        a.messages,
        a.reached,
        a.failed,
        a.deliveryRate,
        a.firstPushSeconds,
        a.p99PushSeconds,
      ]),
    },
    "staff-reassigned": {
      columns: ["department", "skill", "people"],
      rows: staff.reassigned.map((r) => [r.department, r.skill, r.people]),
    },
    "staff-answers": {
      columns: ["notices", "acknowledged", "declined", "ackRate", "medianAnswerSeconds"],
      rows: [[staff.notices, staff.acknowledged, staff.declined, staff.ackRate, staff.medianAnswerSeconds]],
    },
    "staff-hours": { columns: ["department", "hours"], rows: staff.hoursServed.map((r) => [r.department, r.hours]) },
    "staff-floors": {
      columns: ["department", "skill", "broughtBack"],
      rows: staff.floorsKept.map((r) => [r.department, r.skill, r.broughtBack]),
    },
    "counter-levels": {
      columns: ["at", "serviceId", "serviceName", "level"],
      rows: counters.levels.map((r) => [r.at, r.serviceId, r.serviceName, r.level]),
    },
    "counter-waiting": {
      columns: ["serviceId", "serviceName", "reports", "latest", "max", "mean"],
      rows: counters.waiting.map((r) => [r.serviceId, r.serviceName, r.reports, r.latest, r.max, r.mean]),
    },
  };
}

export const reportTableNames = [
  "timeline",
  "shelters-open",
  "evacuees",
  "alerts",
  "staff-reassigned",
  "staff-answers",
  "staff-hours",
  "staff-floors",
  "counter-levels",
  "counter-waiting",
] as const;

/** RFC 4180: every field quoted, quotes doubled, CRLF between records; empty for a missing figure. */
export function tableCsv(table: { columns: string[]; rows: (string | number | null)[][] }) {
  const field = (v: string | number | null) => `"${String(v ?? "").replaceAll('"', '""')}"`;
  return [table.columns.join(","), ...table.rows.map((r) => r.map(field).join(","))].join("\r\n") + "\r\n";
}

const palette = ["#0b4f8a", "#c0392b", "#1e8449", "#b9770e", "#6c3483", "#117a65"];

/** The frame every chart shares: an image with its title, for screen readers and print. */
function chartSvg(title: string, width: number, height: number, body: Html): Html {
  return html`<svg
    class="chart"
    role="img"
    aria-label="${title}"
    width="${width}"
    height="${height}"
    viewBox="0 0 ${width} ${height}"
    xmlns="http://www.w3.org/2000/svg"
  >
    <title>${title}</title>
    ${body}
  </svg>`;
}

/** A horizontal bar chart as SVG, drawn here so it needs no script and prints as it shows. */
export function barChart(title: string, bars: { label: string; value: number }[]): Html {
  const rowH = 22;
  const labelW = 220;
  const width = 640;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = bars.length * rowH + 10;
  return chartSvg(
    title,
    width,
    height,
    html` ${bars.map((b, i) => {
      const w = Math.round(((width - labelW - 60) * b.value) / max);
      const y = i * rowH + 5;
      return html`<text x="${labelW - 6}" y="${y + 15}" text-anchor="end" font-size="12">${b.label}</text
        ><rect x="${labelW}" y="${y + 3}" width="${w}" height="${rowH - 6}" fill="${palette[0]}" /><text
          x="${labelW + w + 4}"
          y="${y + 15}"
          font-size="12"
          >${b.value}</text
        >`;
    })}`,
  );
}

/** One line per series over time points, as SVG: evacuees per ward hour by hour. */
export function lineChart(title: string, points: string[], series: { name: string; values: number[] }[]): Html {
  const width = 640;
  const height = 220;
  const pad = 30;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const x = (i: number) => pad + (points.length > 1 ? (i * (width - 2 * pad - 100)) / (points.length - 1) : 0);
  const y = (v: number) => height - pad - (v * (height - 2 * pad)) / max;
  return chartSvg(
    title,
    width,
    height,
    html` <line x1="${pad}" y1="${height - pad}" x2="${width - 100 - pad}" y2="${height - pad}" stroke="#555" />
      <text x="2" y="${pad}" font-size="11">${max}</text>
      ${series.map(
        (s, k) =>
          html`<polyline
              fill="none"
              stroke="${palette[k % palette.length]}"
              stroke-width="2"
              points="${s.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ")}"
            /><text x="${width - 95}" y="${pad + k * 16}" font-size="12" fill="${palette[k % palette.length]}">${s.name}</text>`,
      )}`,
  );
}

function tableOf(caption: string, t: { columns: string[]; rows: (string | number | null)[][] }, name: string, csvHref: string): Html {
  return html`<table data-table="${name}">
    <caption>
      ${caption}
      <a href="${csvHref}" class="csv">CSV</a>
    </caption>
    <thead>
      <tr>
        ${t.columns.map((c) => html`<th scope="col">${c}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${t.rows.map(
        (r) =>
          html`<tr>
            ${r.map((v) => html`<td>${v ?? "–"}</td>`)}
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** The report for the screen and for print: each chart with its table beside it. `path` carries the query. */
export function incidentReportPage(report: IncidentReport, lang: Lang, path: string): string {
  const w = staffWords(lang, "report");
  const t = reportTables(report);
  const table = (caption: string, name: keyof typeof t) =>
    tableOf(
      caption,
      t[name],
      name,
      `${path.split("?")[0]}?from=${encodeURIComponent(report.from)}&to=${encodeURIComponent(report.to)}&table=${name}`,
    );
  const hours = [...new Set(report.shelters.evacueesPerWardPerHour.map((r) => r.hour))];
  const wards = [...new Set(report.shelters.evacueesPerWardPerHour.map((r) => r.ward))];
  const evacueeSeries = wards.map((ward) => ({
    name: ward,
    values: hours.map((h) => report.shelters.evacueesPerWardPerHour.find((r) => r.hour === h && r.ward === ward)?.evacuees ?? 0),
  }));
  const figure = (chart: Html, caption: string, name: keyof typeof t) =>
    html`<section class="figure">
      <h2>${caption}</h2>
      <div class="side">${chart} ${table(caption, name)}</div>
    </section>`;
  const body = html`<h1>${w.title}</h1>
    <p><time datetime="${report.from}">${report.from}</time> – <time datetime="${report.to}">${report.to}</time></p>
    <section>
      <h2>${w.timeline}</h2>
      ${table(w.timeline, "timeline")}
    </section>
    ${figure(
      barChart(
        w.sheltersOpen,
        report.shelters.openPerWardPerDay.map((r) => ({ label: `${r.day} ${r.ward}`, value: r.open })),
      ),
      w.sheltersOpen,
      "shelters-open",
    )}
    ${figure(lineChart(w.evacuees, hours, evacueeSeries), w.evacuees, "evacuees")}
    ${figure(
      barChart(
        w.alerts,
        report.alerts.map((a) => ({ label: a.title || a.alertId, value: a.reached })),
      ),
      w.alerts,
      "alerts",
    )}
    ${figure(
      barChart(
        w.staffReassigned,
        report.staff.reassigned.map((r) => ({ label: `${r.department} ${r.skill}`.trim(), value: r.people })),
      ),
      w.staffReassigned,
      "staff-reassigned",
    )}
    <section>
      <h2>${w.staffAnswers}</h2>
      ${table(w.staffAnswers, "staff-answers")}
    </section>
    ${figure(
      barChart(
        w.staffHours,
        report.staff.hoursServed.map((r) => ({ label: r.department, value: r.hours })),
      ),
      w.staffHours,
      "staff-hours",
    )}
    <section>
      <h2>${w.staffFloors}</h2>
      ${table(w.staffFloors, "staff-floors")}
    </section>
    <section>
      <h2>${w.counterLevels}</h2>
      ${table(w.counterLevels, "counter-levels")}
    </section>
    ${figure(
      barChart(
        w.counterWaiting,
        report.counters.waiting.map((r) => ({ label: r.serviceName || r.serviceId, value: r.max })),
      ),
      w.counterWaiting,
      "counter-waiting",
    )}
    <p id="online-share">${w.onlineShare}</p>`;
  return page({ lang, title: w.title, path, body, scripts: [] });
}
