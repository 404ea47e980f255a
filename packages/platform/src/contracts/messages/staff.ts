import { IntlMessageFormat } from "intl-messageformat";
import { Lang } from "../vocabulary";

/**
 * What the hub says to its own staff (their duty notices), in the staff languages, ICU
 * MessageFormat like the residents' catalogue. A value that may be empty is given as "none".
 */
const ja = {
  staffReassignedTitle: "熊本市 職員配置の通知",
  staffReassigned:
    "{place}{address, select, none {} other {（{address}）}}で{duty}。{from}から{until}まで。報告先: {reportTo}{phone, select, none {} other { {phone}}}{bring, select, none {} other {。持ち物: {bring}}}。行けないときは職員ページで理由を添えて「辞退」を。代わりの人が配置されます。",
  staffReleasedTitle: "熊本市 応援配置の解除",
  staffReleased: "配置を解除しました。{department}に戻ってください。",
  staffReturnedTitle: "熊本市 所属課への復帰",
  staffReturned:
    "{department}の業務継続に必要な{skill, select, none {} other {{skill}の}}最低人数（{minimum}人）を下回るため、了解済みの配置も解除しました。{department}に戻ってください。",
  staffTeamTitle: "熊本市 配置先の体制変更",
  staffTeam:
    "{place}: {name}さんは{department}の業務継続（{skill, select, none {} other {{skill}}}最低{minimum}人）のため所属課に戻りました。交代: {replacement, select, none {未定（欠員）} other {{replacement}さん}}",
  staffRemindedTitle: "熊本市 配置通知への回答のお願い",
  staffReminded: "配置通知に回答がありません({attempt} 回目の確認)。",
  staffEscalatedTitle: "熊本市 配置通知の未回答",
  staffEscalated: "{name}さんが配置通知に回答していません。交代案: {proposed, select, none {該当者なし} other {{proposed}}}",
  staffUntilFurtherNotice: "別途通知",
  /** Continuity teams (班): the person's team is out (stay home until …), or the days they come in. */
  staffRotaTitle: "熊本市 班体制の出勤日",
  staffStayHome: "{department}: あなたの班は{until}まで自宅待機です（{reason}）。",
  staffOfficeDays: "{days, select, none {{department}: 当面の出勤日はありません。} other {{department}: 出勤日は {days} です。}}",
  /** Who to report to when the post has no lead yet, and the names of the posts the plan makes (the city's records keep them in Japanese). */
  placeLead: "{place} 責任者",
  healthRoundPost: "{ward} 避難所巡回 {round}",
  counterPost: "{ward}役所 {service}",
};
export type StaffMessageKey = keyof typeof ja;

const en: Readonly<Record<StaffMessageKey, string>> = {
  staffReassignedTitle: "Kumamoto City: your emergency assignment",
  staffReassigned:
    "{duty} at {place}{address, select, none {} other { ({address})}}, {from} to {until}. Report to {reportTo}{phone, select, none {} other {, {phone}}}.{bring, select, none {} other { Bring: {bring}.}} If you cannot go, decline on the staff page with a reason; someone else is sent.",
  staffReleasedTitle: "Kumamoto City: assignment ended",
  staffReleased: "Your assignment has ended. Please return to {department}.",
  staffReturnedTitle: "Kumamoto City: back to your department",
  staffReturned:
    "{department} fell below the {minimum} {skill, select, none {staff} other {{skill} staff}} it needs to keep running, so your assignment ends even though you acknowledged it. Please return to {department}.",
  staffTeamTitle: "Kumamoto City: change in your team",
  staffTeam:
    "{place}: {name} went back to {department}, which needs at least {minimum} {skill, select, none {staff} other {{skill} staff}} to keep running. Replacement: {replacement, select, none {none yet (position open)} other {{replacement}}}.",
  staffRemindedTitle: "Kumamoto City: please answer your assignment",
  staffReminded: "Your assignment notice is still unanswered (reminder {attempt}).",
  staffEscalatedTitle: "Kumamoto City: assignment unanswered",
  staffEscalated:
    "{name} has not answered their assignment. Proposed replacement: {proposed, select, none {none available} other {{proposed}}}.",
  staffUntilFurtherNotice: "further notice",
  staffRotaTitle: "Kumamoto City: your team's office days",
  staffStayHome: "{department}: your team is out. Stay home until {until} ({reason}).",
  staffOfficeDays: "{days, select, none {{department}: no office days for now.} other {{department}: come in to the office on {days}.}}",
  placeLead: "the person in charge at {place}",
  healthRoundPost: "{ward} shelter rounds {round}",
  counterPost: "{ward} ward office: {service}",
};

export const staffMessages: Readonly<Record<Lang, Readonly<Record<StaffMessageKey, string>>>> = { ja, en };

const compiled = new Map<string, IntlMessageFormat>();

/** One staff sentence with its values. */
export function sayStaff(lang: Lang, key: StaffMessageKey, values?: Record<string, string | number>): string {
  const id = `${lang}\u0000${key}`;
  let format = compiled.get(id);
  if (!format) {
    format = new IntlMessageFormat(staffMessages[lang][key], lang, undefined, { ignoreTag: true });
    compiled.set(id, format);
  }
  return String(format.format(values));
}
