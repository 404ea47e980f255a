import {
  Lang,
  channelWords,
  incidentNames,
  incidentTerms,
  levelNames,
  levelTerms,
  shelterTerms,
  stateTerms,
  serviceLevelTerms,
  stateWord,
  useTerms,
  wardWord,
  wards,
} from "@crisis/platform/contracts";
import { PublicStatus } from "../../../../app/read-public-status";
import { Html, html } from "../../../../adapters/http/page-parts/html";
import { page } from "../../../../adapters/http/page-parts/layout";
import { modeLine } from "../../../../adapters/http/page-parts/parts";
import { signInBar } from "../../../../adapters/http/page-parts/sign-in-bar";
import { staffWords } from "../../../../adapters/http/page-parts/staff-words";
import { teamsPanel, teamsScript } from "../../../../adapters/http/page-parts/teams-section";

/** A panel shown once someone with one of `roles` is signed in (space-separated, as the token's roles). */
const panel = (id: string, title: string, body: Html, roles = "manager") =>
  html`<section id="${id}" class="panel needs-token" data-roles="${roles}" aria-labelledby="${id}-title" hidden>
    <h2 id="${id}-title">${title}</h2>
    ${body}
    <p class="unavailable" hidden></p>
  </section>`;

/** `/console`: declare with a preview first, approvals, delivery, staffing, audit, shelters one by one. */
export function consolePage(status: PublicStatus, lang: Lang): string {
  const w = staffWords(lang, "page");
  const shelters = status.facilities.filter((f) => f.designatedShelter);
  const declare = html`<form id="declare-form">
      <p>
        <label for="incident">${w.incident}</label>
        <select id="incident" name="incident">
          ${incidentNames.map((i) => html`<option value="${i}">${incidentTerms[i][lang]}</option>`)}
        </select>
      </p>
      <p>
        <label for="level">${w.level}</label>
        <select id="level" name="level">
          ${levelNames.map((l) => html`<option value="${l}" ${l === "emergency" ? html` selected` : ""}>${levelTerms[l][lang]}</option>`)}
        </select>
      </p>
      <fieldset>
        <legend>${w.wards} <span class="help">(${w.wardsHelp})</span></legend>
        ${wards.map((ward) => html`<label class="choice"><input type="checkbox" name="ward" value="${ward}" /> ${wardWord(ward, lang)}</label>`)}
      </fieldset>
      <p><label for="reason">${w.reason}</label><br /><input id="reason" name="reason" required maxlength="500" /></p>
      <p class="buttons"><button type="submit" id="preview-button">${w.preview}</button></p>
    </form>
    <div id="preview" class="preview" hidden aria-live="polite">
      <h3 id="preview-title" tabindex="-1">${w.previewTitle}</h3>
      <div id="preview-body"></div>
      <p class="buttons">
        <button type="button" id="confirm-button" class="danger">${w.confirm}</button>
        <button type="button" id="cancel-button">${w.cancel}</button>
      </p>
    </div>
    <p id="declare-result" role="status"></p>`;
  const audit = html`<form id="audit-form" class="filters">
      <label>${w.from} <input type="datetime-local" name="from" /></label> <label>${w.to} <input type="datetime-local" name="to" /></label>
      <label>${w.actor} <input name="actor" size="12" /></label> <label>${w.kind} <input name="kind" size="12" /></label>
      <button type="submit">${w.auditFilter}</button> <button type="button" id="audit-csv">${w.download}</button>
    </form>
    <div class="scroll">
      <table id="audit-table">
        <thead>
          <tr>
            <th>${w.time}</th>
            <th>${w.actor}</th>
            <th>${w.kind}</th>
            <th>${w.reason}</th>
          </tr>
        </thead>
        <tbody></tbody>
      </table>
    </div>`;
  const wardOptions = (all: string) =>
    html`<option value="">${all}</option>
      ${wards.map((ward) => html`<option value="${ward}">${wardWord(ward, lang)}</option>`)}`;
  // Every open or close goes through one confirmation naming the shelter(s) and the state before and after.
  const shelterOps = html`<form id="shelter-filter" class="filters" role="search">
      <label>${w.shelterSearch} <input id="shelter-search" type="search" size="14" /></label>
      <label
        >${w.ward}
        <select id="shelter-ward">
          ${wardOptions(w.allWards)}
        </select></label
      >
      <label
        >${w.status}
        <select id="shelter-state">
          <option value="">${w.allStates}</option>
          ${Object.entries(shelterTerms).map(([name, term]) => html`<option value="${name}">${term[lang]}</option>`)}
        </select></label
      >
      <span id="shelter-count" role="status"></span>
    </form>
    <p>
      <label for="shelter-reason">${w.reason}</label><br /><input
        id="shelter-reason"
        maxlength="500"
        required
        aria-describedby="shelter-result"
      />
    </p>
    <p class="filters">
      <label
        >${w.wardAction}
        <select id="ward-action-ward">
          ${wardOptions("—")}
        </select></label
      >
      <button type="button" class="ward-action" data-state="open">${w.open}</button>
      <button type="button" class="ward-action" data-state="closed">${w.close}</button>
    </p>
    <p id="shelter-result" role="status"></p>
    <dialog id="shelter-confirm" aria-labelledby="shelter-confirm-title">
      <h3 id="shelter-confirm-title">${w.shelterConfirmTitle}</h3>
      <p id="shelter-confirm-text" class="big"></p>
      <p id="shelter-confirm-reason"></p>
      <p class="buttons">
        <button type="button" id="shelter-cancel-button" autofocus>${w.cancel}</button>
        <button type="button" id="shelter-confirm-button" class="danger">${w.shelterConfirm}</button>
      </p>
    </dialog>
    <div class="scroll tall">
      <table id="shelter-table">
        <thead>
          <tr>
            <th>${w.facility}</th>
            <th>${w.ward}</th>
            <th>${w.status}</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          ${shelters.map(
            (f) =>
              html`<tr data-id="${f.id}" data-name="${f.name}" data-ward="${f.ward}" data-shelter="${f.reading.shelter ?? ""}">
                <td>${f.name}</td>
                <td>${wardWord(f.ward, lang)}</td>
                <td class="status status-${f.reading.state}">${stateWord(f.reading.state, lang)}</td>
                <td class="buttons">
                  <button
                    type="button"
                    data-state="open"
                    aria-label="${w.open}: ${f.name}"
                    ${f.reading.shelter === "open" ? html` disabled` : ""}
                  >
                    ${w.open}
                  </button>
                  <button
                    type="button"
                    data-state="closed"
                    aria-label="${w.close}: ${f.name}"
                    ${f.reading.shelter === "closed" ? html` disabled` : ""}
                  >
                    ${w.close}
                  </button>
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  const d = staffWords(lang, "desk");
  // Propose, review (coverage, floors, moves), then apply: nothing moves before 適用.
  const plans = html`<p class="buttons"><button type="button" id="propose-button">${d.propose}</button></p>
    <p id="plan-result" role="status"></p>
    <div id="plan-review" hidden>
      <h3 id="plan-title" tabindex="-1"></h3>
      <div id="plan-coverage" class="chart"></div>
      <h3>${d.floors}</h3>
      <ul id="plan-floors" class="plain"></ul>
      <h3>${d.moves}</h3>
      <form id="plan-moves-filter" class="filters" role="search">
        <label>${d.movesSearch} <input id="plan-moves-search" type="search" size="16" /></label>
        <span id="plan-moves-count" role="status"></span>
        <button type="button" id="plan-moves-csv">${d.movesCsv}</button>
      </form>
      <div class="scroll tall" tabindex="0" role="region" aria-label="${d.moves}">
        <table id="plan-moves">
          <thead>
            <tr>
              <th>${d.person}</th>
              <th>${d.from}</th>
              <th>${d.to}</th>
            </tr>
          </thead>
          <tbody></tbody>
        </table>
      </div>
      <h3>${d.unforced}</h3>
      <p class="help">${d.unforcedHelp}</p>
      <ul id="plan-unforced" class="plain"></ul>
      <details id="plan-open">
        <summary>${d.openPositions}</summary>
        <ul id="plan-open-list" class="plain"></ul>
      </details>
      <p class="buttons"><button type="button" id="apply-button" class="danger">${d.apply}</button></p>
    </div>`;
  const facilityOptions = status.facilities.map((f) => html`<option value="${f.id}">${f.name}（${wardWord(f.ward, lang)}）</option>`);
  const restrictions = html`<form id="restrict-form">
      <p>
        <label for="restrict-facility">${d.restrictFacility}</label><br />
        <select id="restrict-facility" name="facility">
          ${facilityOptions}
        </select>
      </p>
      <p>
        <label for="restrict-kind">${d.restrictKind}</label>
        <select id="restrict-kind" name="kind">
          ${Object.entries(useTerms)
            .filter(([name]) => name !== "open")
            .map(([name, term]) => html`<option value="${name}">${term[lang]}</option>`)}
        </select>
        <label for="restrict-capacity">${d.restrictCapacity}</label>
        <input id="restrict-capacity" name="capacity" type="number" min="1" size="6" />
      </p>
      <p>
        <label for="restrict-reason">${d.restrictReason}</label><br /><input id="restrict-reason" name="reason" maxlength="500" required />
      </p>
      <p class="buttons"><button type="submit">${d.restrictButton}</button></p>
    </form>
    <p id="restrict-result" role="status"></p>
    <h3>${d.restrictionsNow}</h3>
    <ul id="restriction-list" class="plain"></ul>`;
  const counters = html`<p id="counter-result" role="status"></p>
    <div class="scroll tall" tabindex="0" role="region" aria-label="${d.counters}">
      <table id="counter-table">
        <thead>
          <tr>
            <th>${d.counterService}</th>
            <th>${d.counterChannel}</th>
            <th>${d.counterLevel}</th>
            <th>${d.counterReason}</th>
          </tr>
        </thead>
        <tbody></tbody>
      </table>
    </div>`;
  return page({
    lang,
    title: `${w.console} — ${w.site}`,
    path: "/console",
    scripts: ["/assets/desk.js", teamsScript, "/assets/console.js", "/assets/staffing-desk.js", "/assets/facility-desk.js"],
    data: {
      words: {
        declared: w.declared,
        previewUnavailable: w.previewUnavailable,
        notAvailable: w.notAvailable,
        noApprovals: w.noApprovals,
        approve: w.approve,
        reject: w.reject,
        rejectReason: w.rejectReason,
        withdraw: w.withdraw,
        rejected: w.rejected,
        withdrawn: w.withdrawn,
        closedAs: w.closedAs,
        reasonRequired: w.reasonRequired,
        shown: w.shown,
        open: w.open,
        close: w.close,
        wardActionPreview: w.wardActionPreview,
        wardActionNone: w.wardActionNone,
        approved: w.approved,
        awaitingApproval: w.awaitingApproval,
        approverOnly: w.approverOnly,
        requestedBy: w.requestedBy,
        expires: w.expires,
        previewFacilities: w.previewFacilities,
        previewShelters: w.previewShelters,
        previewServices: w.previewServices,
        previewKept: w.previewKept,
        previewByWard: w.previewByWard,
        previewList: w.previewList,
        deliveryNone: w.deliveryNone,
        deliveryWaiting: w.deliveryWaiting,
        deliveryFor: w.deliveryFor,
        deliveryStates: w.deliveryStates,
        ackStates: w.ackStates,
        escalated: w.escalated,
        replace: w.replace,
        replaceReason: w.replaceReason,
        replacedBy: w.replacedBy,
        noReplacement: w.noReplacement,
        staffCount: w.staffCount,
        postCount: w.postCount,
        covered: w.covered,
        postsByWard: w.postsByWard,
        coverageByWard: w.coverageByWard,
        coverageBySkill: w.coverageBySkill,
        anySkill: w.anySkill,
        allWards: w.allWards,
        shelterChanged: w.shelterChanged,
        deadLettersNone: w.deadLettersNone,
        occupancyNone: w.occupancyNone,
      },
      wards: Object.fromEntries(wards.map((ward) => [ward, wardWord(ward, lang)])),
      shelterStates: Object.fromEntries(Object.entries(shelterTerms).map(([name, term]) => [name, term[lang]])),
      states: Object.fromEntries(Object.entries(stateTerms).map(([name, term]) => [name, term[lang]])),
      levels: Object.fromEntries(levelNames.map((l) => [l, levelTerms[l][lang]])),
      incidents: Object.fromEntries(incidentNames.map((i) => [i, incidentTerms[i][lang]])),
      role: "manager",
      desk: d,
      uses: Object.fromEntries(Object.entries(useTerms).map(([name, term]) => [name, term[lang]])),
      serviceLevels: Object.fromEntries(Object.entries(serviceLevelTerms).map(([name, term]) => [name, term[lang]])),
      channels: Object.fromEntries(Object.entries(channelWords).map(([name, term]) => [name, term[lang]])),
    },
    body: html`<h1>${w.console}</h1>
      ${modeLine(status.mode, lang)} ${signInBar(w, "/console")}
      <p id="no-panel" class="panel" role="status" hidden>
        <span id="no-panel-text"></span> <a id="no-panel-link" href="/staff" hidden>${d.staffPageLink}</a>
      </p>
      <div class="desk-grid">
        ${panel("declare", w.declare, declare)}
        ${panel("staffing", w.staffing, html`<div id="staffing-chart" class="chart"></div>`, "manager staffing_officer")}
        ${panel("plans", d.plans, plans, "manager staffing_officer")}
        ${panel(
          "approvals",
          w.approvals,
          html`<p id="approval-result" role="status"></p>
            <ul id="approval-list" class="plain"></ul>`,
          "manager approver",
        )}
        ${panel("delivery", w.delivery, html`<div id="delivery-body" class="chart" aria-live="polite"><p>${w.deliveryNone}</p></div>`)}
        ${panel(
          "acknowledgements",
          w.acknowledgements,
          html`<div id="ack-chart" class="chart"></div>
            <p id="replace-result" role="status"></p>
            <details id="unanswered">
              <summary>${w.unanswered}</summary>
              <ul id="unanswered-list" class="plain"></ul>
            </details>`,
          "manager staffing_officer",
        )}
        ${teamsPanel(lang)} ${panel("shelter-ops", w.sheltersOps, shelterOps, "manager facility_admin")}
        ${panel("restrictions", d.restrictions, restrictions, "manager facility_admin")}
        ${panel("counters", d.counters, counters, "manager facility_admin")} ${panel("audit", w.audit, audit)}
        ${panel(
          "occupancy",
          w.occupancyHistory,
          html`<p>
              <select id="occupancy-ward" aria-label="${w.ward}">
                ${wardOptions(w.allWards)}
              </select>
              <button type="button" id="occupancy-csv">${w.download}</button>
            </p>
            <div id="occupancy-chart" class="chart"><p>${w.occupancyNone}</p></div>`,
          "manager facility_admin",
        )}
        ${panel(
          "dead-letters",
          w.deadLetters,
          html`<p id="dead-letter-count">${w.deadLettersNone}</p>
            <ul id="dead-letter-list"></ul>
            <p class="help">${w.deadLettersHelp}</p>`,
        )}
      </div>`,
  });
}
