// Remote tickets: take a number at a counter, follow it by push, and keep the page's figures fresh.
import type { TicketPosition } from "./lib/api";
import { type CounterPageData, refusal } from "./lib/counter-words";
import { inBackground, pageData } from "./lib/dom";
import { fill } from "./lib/fill";
import { followByPush } from "./lib/push-script";

const data = pageData<CounterPageData & { page: "take" | "ticket"; code?: string; status?: string }>();
const w = data.words;
const status = document.getElementById("ticket-status");
const say = (text: string) => {
  if (status) status.textContent = text;
};

for (const button of document.querySelectorAll<HTMLButtonElement>("button.take-ticket")) {
  button.addEventListener(
    "click",
    inBackground(async () => {
      button.disabled = true;
      const res = await fetch(`/api/v1/counters/${encodeURIComponent(button.dataset.counter ?? "")}/tickets`, { method: "POST" });
      if (!res.ok) {
        say(await refusal(res, w.failed));
        button.disabled = false;
        return;
      }
      const position = (await res.json()) as TicketPosition;
      location.assign(`/tickets/${encodeURIComponent(position.ticket.code)}`);
    }),
  );
}

if (data.page === "ticket" && data.code) {
  const code = data.code;
  const follow = document.getElementById("follow-ticket") as HTMLButtonElement | null;
  if (follow) followByPush(follow, `ticket:${code}`, data.lang, w, say);

  // While waiting, the figures follow the counter; a change of state (called, cancelled) redraws the page.
  const set = (id: string, text: string) => {
    const node = document.getElementById(id);
    if (node) node.textContent = text;
  };
  if (data.status === "waiting")
    setInterval(
      inBackground(async () => {
        const res = await fetch(`/api/v1/tickets/${encodeURIComponent(code)}`);
        if (!res.ok) return;
        const position = (await res.json()) as TicketPosition;
        if (position.ticket.status !== "waiting") return location.reload();
        set("ticket-ahead", fill(w.ahead, { n: position.ahead }));
        set("ticket-eta", fill(w.eta, { n: position.etaMinutes }));
        set("ticket-serving", String(position.queue.nowServing || "—"));
      }),
      10_000,
    );
}
