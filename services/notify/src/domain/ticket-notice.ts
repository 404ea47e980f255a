import { ResidentLang, nameIn, say } from "@crisis/platform/contracts";
import { TicketRecorded } from "@crisis/platform/contracts/counters";
import { catalogue } from "./catalogue";
import { fitted } from "./payload";

export type TicketNoticeKind = "neared" | "called" | "cancelled";

/** The push a remote ticket's holder gets, in their subscription's language: their turn is near, they are called, or crisis mode cancelled the ticket. */
export function composeTicketNotice(kind: TicketNoticeKind, recorded: TicketRecorded, lang: ResidentLang, ticketUrl: string) {
  const t = recorded.ticket!;
  const base = { alertId: recorded.eventId, lang, url: `${ticketUrl}/${t.code}`, tag: `ticket.${t.code}` };
  const service = nameIn(lang, t.serviceName || t.serviceId);
  const office = nameIn(lang, t.officeName);
  if (kind === "neared")
    return fitted({
      ...base,
      title: say(lang, "ticketNearTitle"),
      body: say(lang, "ticketNear", { number: t.number, ahead: recorded.ahead, office, service }),
    });
  if (kind === "called")
    return fitted({
      ...base,
      title: say(lang, "ticketCalledTitle"),
      body: say(lang, "ticketCalled", { number: t.number, office, service }),
    });
  const alternatives = catalogue[lang].alternatives;
  const instead = t.alternatives.flatMap((c) => (alternatives[c] ? [alternatives[c]] : [])).join(" ");
  return fitted({
    ...base,
    title: say(lang, "ticketCancelledTitle"),
    body: say(lang, "ticketCancelled", { number: t.number, service, instead }).trimEnd(),
  });
}
