import { Lang, StateKey, UseName, cityInstant, formatCityTime, useTerms } from "@crisis/platform/contracts";

/**
 * Every text notify sends, per language. Adding a language (zh, ko, vi) is one more object of
 * this shape here and its code in the platform's `languages`.
 */
export interface Catalogue {
  title(incident: string, level: string): string;
  stoodDown(incident: string, level: string): string;
  sheltersOpened(n: number, byWard: string): string;
  sheltersClosed(n: number): string;
  closed(n: number, names: string): string;
  restricted(n: number, names: string): string;
  reopened(n: number, names: string): string;
  more(n: number): string;
  listSeparator: string;
  wardCount(ward: string, n: number): string;
  details: string;
  /** A burst of single changes, summed up. */
  changesTitle: string;
  wardSheltersOpened(ward: string, n: number, openNow: number): string;
  wardSheltersClosed(ward: string, n: number, openNow: number): string;
  /** One facility by name, in the state its reading tells (its ordinary use for "restricted"), and why. */
  facilityNow(name: string, state: StateKey, use: UseName | null, reason: string): string;
  /** Times as a person in the city reads them (CITY_TIME_ZONE). */
  time(iso: string): string;
  staffReassignedTitle: string;
  /** Where (address), when, whom to report to (and their phone), what to bring, and what to do if the person cannot go. */
  staffReassigned(n: {
    place: string;
    address: string;
    duty: string;
    from: string;
    until: string;
    reportTo: string;
    phone: string;
    bring: readonly string[];
  }): string;
  staffReleasedTitle: string;
  staffReleased(department: string): string;
  /** Brought back because the home department fell to its continuity floor (skill "" for a headcount floor). */
  staffReturnedTitle: string;
  staffReturned(department: string, minimum: number, skill: string): string;
  /** To the people staying on a post: a teammate went back for their department's floor; who replaces them ("" when nobody). */
  staffTeamTitle: string;
  staffTeam(place: string, name: string, department: string, minimum: number, skill: string, replacement: string): string;
  staffRemindedTitle: string;
  staffReminded(attempt: number): string;
  /** To a department's head: a member has not answered; who could go instead ("" when nobody fits). */
  staffEscalatedTitle: string;
  staffEscalated(name: string, proposed: string): string;
  untilFurtherNotice: string;
  /** Continuity teams (班): the person's team is out (stay home until …), or the days they come in. */
  staffRotaTitle: string;
  staffStayHome(department: string, until: string, reason: string): string;
  staffOfficeDays(department: string, days: string): string;
  /** A city date (YYYY-MM-DD) with its weekday. */
  day(date: string): string;
  scheduledTitle: string;
  soonTitle: string;
  /** A restriction decided for later: closed when `closed`, restricted otherwise. */
  scheduled(facility: string, closed: boolean, from: string, until: string, reason: string): string;
  /** Counter services changed (a burst with no facility in it). */
  servicesTitle: string;
  /** One counter service on one channel: its new level, from when (and until when, if known). */
  serviceChanged(service: string, channel: string, level: string, from?: string, until?: string): string;
  /** A counter booking crisis mode moved or cancelled: what became of it, and what to do instead. */
  bookingMovedTitle: string;
  bookingMoved(service: string, office: string, time: string): string;
  bookingCancelledTitle: string;
  bookingCancelled(service: string, instead: string): string;
  /** What a channel that needs no visit lets a person do (online, convenience_store, phone). */
  alternatives: Record<string, string>;
}

const englishPlurals = new Intl.PluralRules("en");
/** English counts take a singular for one; Japanese counters (か所, 施設) have no plural. */
const plural = (n: number, one: string, other: string) => (englishPlurals.select(n) === "one" ? one : other);
/** Times as a person in the city reads them: month, day and a 24-hour clock. */
const shortTime = { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hour12: false } as const;
const dayOfWeek = { month: "numeric", day: "numeric", weekday: "short" } as const;
const jaNow: Record<StateKey, string> = {
  shelter_open: "避難所を開設しました",
  shelter_closed: "避難所を閉鎖しました",
  shelter_not_opened: "避難所は開設していません",
  closed: "休館しています",
  restricted: "利用を制限しています",
  normal: "通常どおり開館しています",
  unknown: "状況が変わりました",
};
const enNow: Record<StateKey, string> = {
  shelter_open: "shelter opened",
  shelter_closed: "shelter closed",
  shelter_not_opened: "shelter not open",
  closed: "closed",
  restricted: "restricted",
  normal: "open as usual",
  unknown: "status changed",
};

const ja: Catalogue = {
  title: (incident, level) => `熊本市 ${incident} ${level}`,
  stoodDown: (incident, level) => `熊本市 ${incident} ${level}へ移行`,
  sheltersOpened: (n, byWard) => `避難所 ${n} か所を開設 — ${byWard}`,
  sheltersClosed: (n) => `避難所 ${n} か所を閉鎖`,
  closed: (n, names) => `休館 ${n} 施設: ${names}`,
  restricted: (n, names) => `利用制限 ${n} 施設: ${names}`,
  reopened: (n, names) => `再開 ${n} 施設: ${names}`,
  more: (n) => `ほか ${n} 施設`,
  listSeparator: "、",
  wardCount: (ward, n) => `${ward} ${n}`,
  details: "詳しくは",
  changesTitle: "熊本市 施設の状況が変わりました",
  wardSheltersOpened: (ward, n, openNow) => `${ward}の避難所 ${n} か所を開設、開設中 ${openNow} か所`,
  wardSheltersClosed: (ward, n, openNow) => `${ward}の避難所 ${n} か所を閉鎖、開設中 ${openNow} か所`,
  facilityNow: (name, state, use, reason) =>
    `${name}: ${jaNow[state]}${state === "restricted" && use ? `（${useTerms[use].ja}）` : ""}${reason ? `（${reason}）` : ""}`,
  time: (iso) => formatCityTime(new Date(iso), "ja-JP", shortTime),
  staffReassignedTitle: "熊本市 職員配置の通知",
  staffReassigned: (n) =>
    `${n.place}${n.address ? `（${n.address}）` : ""}で${n.duty}。${n.from}から${n.until}まで。報告先: ${n.reportTo}${n.phone ? ` ${n.phone}` : ""}` +
    `${n.bring.length ? `。持ち物: ${n.bring.join("、")}` : ""}。行けないときは職員ページで理由を添えて「辞退」を。代わりの人が配置されます。`,
  staffReleasedTitle: "熊本市 応援配置の解除",
  staffReleased: (department) => `配置を解除しました。${department}に戻ってください。`,
  staffReturnedTitle: "熊本市 所属課への復帰",
  staffReturned: (department, minimum, skill) =>
    `${department}の業務継続に必要な${skill ? `${skill}の` : ""}最低人数（${minimum}人）を下回るため、了解済みの配置も解除しました。${department}に戻ってください。`,
  staffTeamTitle: "熊本市 配置先の体制変更",
  staffTeam: (place, name, department, minimum, skill, replacement) =>
    `${place}: ${name}さんは${department}の業務継続（${skill ? `${skill}` : ""}最低${minimum}人）のため所属課に戻りました。交代: ${replacement ? `${replacement}さん` : "未定（欠員）"}`,
  staffRemindedTitle: "熊本市 配置通知への回答のお願い",
  staffReminded: (attempt) => `配置通知に回答がありません(${attempt} 回目の確認)。`,
  staffEscalatedTitle: "熊本市 配置通知の未回答",
  staffEscalated: (name, proposed) => `${name}さんが配置通知に回答していません。交代案: ${proposed || "該当者なし"}`,
  untilFurtherNotice: "別途通知",
  staffRotaTitle: "熊本市 班体制の出勤日",
  staffStayHome: (department, until, reason) => `${department}: あなたの班は${until}まで自宅待機です（${reason}）。`,
  staffOfficeDays: (department, days) => (days ? `${department}: 出勤日は ${days} です。` : `${department}: 当面の出勤日はありません。`),
  day: (date) => formatCityTime(new Date(cityInstant(date)), "ja-JP", dayOfWeek),
  scheduledTitle: "熊本市 施設利用の予定",
  soonTitle: "熊本市 まもなく施設利用が変わります",
  scheduled: (facility, closed, from, until, reason) => `${facility}は${from}から${until}まで${closed ? "休館" : "利用制限"}(${reason})`,
  servicesTitle: "熊本市 窓口サービスの変更",
  serviceChanged: (service, channel, level, from, until) =>
    `${service}（${channel}）: ${from ? `${from}から` : ""}${until ? `${until}まで` : ""}${level}`,
  bookingMovedTitle: "熊本市 窓口予約の変更",
  bookingMoved: (service, office, time) => `窓口の縮小のため、${service}の予約を${office} ${time}に変更しました。`,
  bookingCancelledTitle: "熊本市 窓口予約の取消",
  bookingCancelled: (service, instead) => `窓口の休止のため、${service}の予約を取り消しました。${instead}`,
  alternatives: {
    online: "マイナポータルで申請できます。",
    convenience_store: "コンビニで取得できます（マイナンバーカード）。",
    phone: "電話で相談できます。",
  },
};

const en: Catalogue = {
  title: (incident, level) => `Kumamoto City: ${incident} ${level}`,
  stoodDown: (incident) => `Kumamoto City: ${incident} response stood down`,
  sheltersOpened: (n, byWard) => `${n} ${plural(n, "shelter", "shelters")} opened — ${byWard}`,
  sheltersClosed: (n) => `${n} ${plural(n, "shelter", "shelters")} closed`,
  closed: (n, names) => `${n} ${plural(n, "facility", "facilities")} closed: ${names}`,
  restricted: (n, names) => `${n} ${plural(n, "facility", "facilities")} restricted: ${names}`,
  reopened: (n, names) => `${n} ${plural(n, "facility", "facilities")} reopened: ${names}`,
  more: (n) => `and ${n} more`,
  listSeparator: ", ",
  wardCount: (ward, n) => `${ward} ${n}`,
  details: "Details:",
  changesTitle: "Kumamoto City: facilities changed",
  wardSheltersOpened: (ward, n, openNow) => `${ward}: ${n} ${plural(n, "shelter", "shelters")} opened, ${openNow} open now`,
  wardSheltersClosed: (ward, n, openNow) => `${ward}: ${n} ${plural(n, "shelter", "shelters")} closed, ${openNow} open now`,
  facilityNow: (name, state, use, reason) =>
    `${name}: ${enNow[state]}${state === "restricted" && use ? ` (${useTerms[use].en})` : ""}${reason ? ` (${reason})` : ""}`,
  time: (iso) => formatCityTime(new Date(iso), "en-GB", shortTime),
  staffReassignedTitle: "Kumamoto City: your emergency assignment",
  staffReassigned: (n) =>
    `${n.duty} at ${n.place}${n.address ? ` (${n.address})` : ""}, ${n.from} to ${n.until}. Report to ${n.reportTo}${n.phone ? `, ${n.phone}` : ""}.` +
    `${n.bring.length ? ` Bring: ${n.bring.join(", ")}.` : ""} If you cannot go, decline on the staff page with a reason; someone else is sent.`,
  staffReleasedTitle: "Kumamoto City: assignment ended",
  staffReleased: (department) => `Your assignment has ended. Please return to ${department}.`,
  staffReturnedTitle: "Kumamoto City: back to your department",
  staffReturned: (department, minimum, skill) =>
    `${department} fell below the ${minimum} ${skill ? `${skill} staff` : "staff"} it needs to keep running, so your assignment ends even though you acknowledged it. Please return to ${department}.`,
  staffTeamTitle: "Kumamoto City: change in your team",
  staffTeam: (place, name, department, minimum, skill, replacement) =>
    `${place}: ${name} went back to ${department}, which needs at least ${minimum} ${skill ? `${skill} staff` : "staff"} to keep running. Replacement: ${replacement || "none yet (position open)"}.`,
  staffRemindedTitle: "Kumamoto City: please answer your assignment",
  staffReminded: (attempt) => `Your assignment notice is still unanswered (reminder ${attempt}).`,
  staffEscalatedTitle: "Kumamoto City: assignment unanswered",
  staffEscalated: (name, proposed) => `${name} has not answered their assignment. Proposed replacement: ${proposed || "none available"}.`,
  untilFurtherNotice: "further notice",
  staffRotaTitle: "Kumamoto City: your team's office days",
  staffStayHome: (department, until, reason) => `${department}: your team is out. Stay home until ${until} (${reason}).`,
  staffOfficeDays: (department, days) =>
    days ? `${department}: come in to the office on ${days}.` : `${department}: no office days for now.`,
  day: (date) => formatCityTime(new Date(cityInstant(date)), "en-GB", dayOfWeek),
  scheduledTitle: "Kumamoto City: planned facility change",
  soonTitle: "Kumamoto City: facility change starting soon",
  scheduled: (facility, closed, from, until, reason) =>
    `${facility}: ${closed ? "closed" : "restricted"} from ${from} until ${until} (${reason})`,
  servicesTitle: "Kumamoto City: counter services changed",
  serviceChanged: (service, channel, level, from, until) =>
    `${service} (${channel}): ${level}${from ? ` from ${from}` : ""}${until ? ` until ${until}` : ""}`,
  bookingMovedTitle: "Kumamoto City: your counter booking moved",
  bookingMoved: (service, office, time) => `The counter was reduced: your ${service} booking is now at ${office}, ${time}.`,
  bookingCancelledTitle: "Kumamoto City: your counter booking cancelled",
  bookingCancelled: (service, instead) => `The counter was suspended: your ${service} booking is cancelled. ${instead}`.trimEnd(),
  alternatives: {
    online: "You can apply online on Mynaportal (マイナポータル).",
    convenience_store: "You can get it at a convenience store with your My Number Card.",
    phone: "You can consult by phone.",
  },
};

export const catalogue: Record<Lang, Catalogue> = { ja, en };

/** The first three facilities by name, then "and N more": a message names a few, never a list of hundreds. */
export function facilityNames(list: { facilityName: string }[], lang: Lang): string {
  const t = catalogue[lang];
  const shown = list.slice(0, 3).map((c) => c.facilityName);
  if (list.length > 3) shown.push(t.more(list.length - 3));
  return shown.join(t.listSeparator);
}
