import { ResidentLang } from "@crisis/platform/contracts";
import { ExpectedHour, ExpectedWaiting } from "../../domain/expected-waiting";
import { html } from "../../../../adapters/http/page-parts/html";
import { residentWords } from "../../../../adapters/http/page-parts/resident";

/** Monday first, as the city's calendars read. */
const weekOrder = [1, 2, 3, 4, 5, 6, 0];

/**
 * On a service's page: when it is usually quiet (from the recorded waiting figures, a small table of
 * day × hour), and the two "tell me" buttons (fewer than N waiting; reopening or online), which the
 * page script turns into push topics.
 */
export function betterTimeSection(expected: ExpectedWaiting | undefined, lang: ResidentLang) {
  const w = residentWords(lang);
  const day = (weekday: number) => w("weekdayShort", { day: weekday });
  const hourName = (h: number) => w("quietHour", { h });
  const when = (h: ExpectedHour, i: number) => html`${i > 0 ? w("listSeparator") : ""}${day(h.weekday)} ${hourName(h.hour)}`;
  const hours = expected?.hours ?? [];
  const shownDays = weekOrder.filter((d) => hours.some((h) => h.weekday === d));
  const shownHours = [...new Set(hours.map((h) => h.hour))].sort((a, b) => a - b);
  const quiet = new Set((expected?.quiet ?? []).map((h) => `${h.weekday}.${h.hour}`));
  const cell = (weekday: number, hour: number) => {
    const h = hours.find((x) => x.weekday === weekday && x.hour === hour);
    if (!h) return html`<td>–</td>`;
    // People come whole: the median of two figures (e.g. 2.5) reads as the nearer whole number.
    const people = Math.round(h.expected);
    return quiet.has(`${weekday}.${hour}`) ? html`<td class="quiet"><strong>${people}</strong></td>` : html`<td>${people}</td>`;
  };
  return html`<section id="better-time" class="better-time">
    <h2>${w("quietTitle")}</h2>
    ${
      expected?.quiet.length
        ? html`<p id="usually-quiet">${w("quietUsually", { times: html`${expected.quiet.map(when)}` })}</p>`
        : html`<p id="usually-quiet">${w("quietNone")}</p>`
    }
    ${
      hours.length
        ? html`<table class="day-list expected-waiting">
            <caption>
              ${w("quietCaption")}
            </caption>
            <thead>
              <tr>
                <th scope="col">${w("quietHourColumn")}</th>
                ${shownDays.map((d) => html`<th scope="col">${day(d)}</th>`)}
              </tr>
            </thead>
            <tbody>
              ${shownHours.map(
                (hour) =>
                  html`<tr>
                    <th scope="row">${hourName(hour)}</th>
                    ${shownDays.map((d) => cell(d, hour))}
                  </tr>`,
              )}
            </tbody>
          </table>`
        : ""
    }
    <h2>${w("tellTitle")}</h2>
    <form id="waiting-follow" class="waiting-follow">
      <label
        >${w("tellWaitingBefore")}
        <input id="waiting-below" type="number" inputmode="numeric" min="1" max="999" step="1" value="5" required />
        ${w("tellWaitingAfter")}</label
      >
      <button type="submit">${w("tellMe")}</button>
    </form>
    <p><button type="button" id="follow-reopening">${w("tellReopening")}</button></p>
    <p id="better-time-status" role="status"></p>
  </section>`;
}
