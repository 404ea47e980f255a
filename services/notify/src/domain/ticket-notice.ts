import { Lang } from "@crisis/platform/contracts";
import { TicketRecorded } from "@crisis/platform/contracts/counters";
import { catalogue } from "./catalogue";
import { fitted } from "./payload";

const words = {
  ja: {
    nearTitle: "熊本市 順番が近づきました",
    near: (number: number, ahead: number, office: string, service: string) =>
      `整理券${number}番: あと${ahead}人でお呼びします。${office}（${service}）へお戻りください。`,
    calledTitle: "熊本市 順番になりました",
    called: (number: number, office: string, service: string) =>
      `整理券${number}番をお呼びしています。${office}（${service}）の窓口へお越しください。`,
    cancelledTitle: "熊本市 整理券の取消",
    cancelled: (number: number, service: string, instead: string) =>
      `窓口の休止のため、${service}の整理券${number}番を取り消しました。${instead}`,
  },
  en: {
    nearTitle: "Kumamoto City: your turn is near",
    near: (number: number, ahead: number, office: string, service: string) =>
      `Ticket ${number}: ${ahead} ${ahead === 1 ? "person is" : "people are"} ahead of you. Please come back to ${office} (${service}).`,
    calledTitle: "Kumamoto City: it is your turn",
    called: (number: number, office: string, service: string) =>
      `Ticket ${number} is called. Please come to the ${service} counter at ${office}.`,
    cancelledTitle: "Kumamoto City: your ticket cancelled",
    cancelled: (number: number, service: string, instead: string) =>
      `The counter was suspended: your ${service} ticket ${number} is cancelled. ${instead}`.trimEnd(),
  },
} as const;

export type TicketNoticeKind = "neared" | "called" | "cancelled";

/** The push a remote ticket's holder gets: their turn is near, they are called, or crisis mode cancelled the ticket. */
export function composeTicketNotice(kind: TicketNoticeKind, recorded: TicketRecorded, lang: Lang, ticketUrl: string) {
  const w = words[lang];
  const t = recorded.ticket!;
  const base = { alertId: recorded.eventId, lang, url: `${ticketUrl}/${t.code}`, tag: `ticket.${t.code}` };
  const service = t.serviceName || t.serviceId;
  if (kind === "neared") return fitted({ ...base, title: w.nearTitle, body: w.near(t.number, recorded.ahead, t.officeName, service) });
  if (kind === "called") return fitted({ ...base, title: w.calledTitle, body: w.called(t.number, t.officeName, service) });
  const alternatives = catalogue[lang].alternatives;
  const instead = t.alternatives.flatMap((c) => (alternatives[c] ? [alternatives[c]] : [])).join(" ");
  return fitted({ ...base, title: w.cancelledTitle, body: w.cancelled(t.number, service, instead) });
}
