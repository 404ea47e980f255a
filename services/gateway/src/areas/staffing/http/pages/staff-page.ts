import { Lang, wardWord, wards } from "@crisis/platform/contracts";
import { html } from "../../../../adapters/http/page-parts/html";
import { signInBar } from "../../../../adapters/http/page-parts/sign-in-bar";
import { page } from "../../../../adapters/http/page-parts/layout";
import { staffWords } from "../../../../adapters/http/page-parts/staff-words";
import { myTeamPanel, teamsScript } from "../../../../adapters/http/page-parts/teams-section";

/**
 * `/staff`: my current and next duty, answering notices, release notices, my own notifications.
 * `/staff/notices/<id>` (where a notice's push opens) is the same page with that notice brought forward.
 */
export function staffPage(lang: Lang, noticeId?: string): string {
  const w = staffWords(lang, "page");
  const path = noticeId === undefined ? "/staff" : `/staff/notices/${encodeURIComponent(noticeId)}`;
  return page({
    lang,
    title: `${w.staffPage} — ${w.site}`,
    path,
    scripts: ["/assets/push.js", "/assets/desk.js", teamsScript, "/assets/staff.js"],
    data: {
      words: {
        noDuty: w.noDuty,
        notAvailable: w.notAvailable,
        acknowledge: w.acknowledge,
        decline: w.decline,
        declineReason: w.declineReason,
        subscribed: w.subscribed,
        subscribeFailed: w.subscribeFailed,
        currentDuty: w.currentDuty,
        nextDuty: w.nextDuty,
        noticeKinds: w.noticeKinds,
        noticeStates: w.noticeStates,
        reportTo: w.reportTo,
        noNotices: w.noNotices,
        declined: w.declined,
        replacement: w.replacement,
        openMap: w.openMap,
      },
      noticeWords: staffWords(lang, "desk"),
      wards: Object.fromEntries(wards.map((ward) => [ward, wardWord(ward, lang)])),
      role: "staff",
      notice: noticeId ?? null,
    },
    body: html`<h1>${w.staffPage}</h1>
      ${signInBar(w, path)}
      <section id="duty" class="panel needs-token" aria-labelledby="duty-title" hidden>
        <h2 id="duty-title">${w.myDuty}</h2>
        <div id="duty-body"></div>
        <p class="unavailable" hidden></p>
      </section>
      <section id="notices" class="panel needs-token" aria-labelledby="notices-title" hidden>
        <h2 id="notices-title">${w.notices}</h2>
        <p id="notice-result" role="status"></p>
        <ul id="notice-list" class="plain"></ul>
        <h3>${w.released}</h3>
        <ul id="release-list" class="plain"></ul>
        <p class="unavailable" hidden></p>
      </section>
      ${myTeamPanel(lang)}
      <section id="own-push" class="panel needs-token" aria-labelledby="own-push-title" hidden>
        <h2 id="own-push-title">${w.subscribeOwn}</h2>
        <p class="buttons"><button type="button" id="own-subscribe">${w.subscribeButton}</button></p>
        <p id="own-result" role="status"></p>
      </section>`,
  });
}
