// The counter's desk: call the next number, print a paper ticket, read the day's bookings.
// Calls carry the staff's sign-in session; the big figures refresh for a screen at the counter.
import type { deskWords } from "../src/areas/counters/http/pages/counter-words";
import type { CounterCall, CounterQueue, DayBookings, TicketPosition } from "./lib/api";
import { type PageBasics, cityClock } from "./lib/city-time";
import { refusal } from "./lib/counter-words";
import { byId, el, inBackground, pageData } from "./lib/dom";

const data = pageData<PageBasics & { counterId: string; day?: string; words: ReturnType<typeof deskWords> }>();
const w = data.words;
const counter = encodeURIComponent(data.counterId);
const status = byId("desk-status");
const say = (text: string) => (status.textContent = text);
const show = (queue: CounterQueue) => {
  byId("desk-serving").textContent = String(queue.nowServing || "—");
  byId("desk-waiting").textContent = String(queue.waiting);
  byId("desk-issued").textContent = `${queue.nowServing} / ${queue.issued}`;
};

const call = byId<HTMLButtonElement>("call-next");
call.addEventListener(
  "click",
  inBackground(async () => {
    call.disabled = true;
    try {
      const res = await fetch(`/api/v1/counters/${counter}/calls`, { method: "POST" });
      if (!res.ok) return say(await refusal(res, w.failed));
      const answer = (await res.json()) as CounterCall;
      show(answer.queue);
      say(answer.called ? `${w.nowServing}: ${answer.called.number}` : w.noTicketToday);
    } finally {
      call.disabled = false;
    }
  }),
);

byId("print-ticket").addEventListener(
  "click",
  inBackground(async () => {
    const res = await fetch(`/api/v1/counters/${counter}/tickets`, { method: "POST" });
    if (!res.ok) return say(await refusal(res, w.failed));
    const position = (await res.json()) as TicketPosition;
    show(position.queue);
    // The paper ticket is the ticket's own page, printed: its number and the QR code to follow it.
    const sheet = window.open(`/tickets/${encodeURIComponent(position.ticket.code)}`, "_blank");
    if (sheet) sheet.addEventListener("load", () => sheet.print());
  }),
);

async function loadBookings() {
  const res = await fetch(`/api/v1/counters/${counter}/bookings${data.day ? `?date=${data.day}` : ""}`);
  const box = byId("day-bookings");
  if (res.status === 401 || res.status === 403) return;
  if (!res.ok) return void (box.textContent = await refusal(res, w.failed));
  const { bookings } = (await res.json()) as DayBookings;
  if (bookings.length === 0) return void (box.textContent = w.noBookings);
  const table = el("table", { class: "day-list", id: "day-bookings-table" });
  const head = table.createTHead().insertRow();
  for (const title of [w.time, w.code, w.status, w.changeCol]) head.append(el("th", {}, title));
  const body = table.createTBody();
  for (const b of bookings) {
    const row = body.insertRow();
    row.dataset.code = b.code;
    row.append(
      el("td", {}, cityClock(b.startsAt, data)),
      el("td", {}, b.code),
      el("td", {}, b.status === "cancelled" ? w.cancelled : w.booked),
      el("td", {}, b.crisisChange === "moved" ? w.crisisMoved : b.crisisChange === "cancelled" ? w.crisisCancelled : ""),
    );
  }
  box.replaceChildren(table);
}
void loadBookings();

setInterval(
  inBackground(async () => {
    const res = await fetch(`/api/v1/counters/${counter}/queue`);
    if (res.ok) show((await res.json()) as CounterQueue);
  }),
  5_000,
);
setInterval(() => void loadBookings(), 60_000);
