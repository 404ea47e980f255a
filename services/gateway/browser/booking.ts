// Booking a counter time without an account: book or move to a slot, follow the booking by push,
// cancel it. The page is rendered by the server; this script only sends the clicks.
import type { Booking } from "./lib/api";
import { type CounterPageData, refusal } from "./lib/counter-words";
import { byId, inBackground, pageData } from "./lib/dom";
import { followByPush } from "./lib/push-script";

const data = pageData<CounterPageData & { page: "book" | "booking" | "booking-missing"; changing?: string; code?: string }>();
const w = data.words;
const status = document.getElementById("book-status") ?? document.getElementById("booking-status");
const say = (text: string) => {
  if (status) status.textContent = text;
};
const send = (method: string, url: string, body?: unknown) =>
  fetch(url, {
    method,
    headers: body ? { "content-type": "application/json" } : {},
    body: body ? JSON.stringify(body) : undefined,
  });

if (data.page === "book") {
  const slots = () => document.querySelectorAll<HTMLButtonElement>("button.slot");
  for (const button of slots()) {
    button.addEventListener(
      "click",
      inBackground(async () => {
        for (const b of slots()) b.disabled = true;
        const slotId = button.dataset.slot;
        const res = data.changing
          ? await send("PATCH", `/api/v1/bookings/${encodeURIComponent(data.changing)}`, { slotId })
          : await send("POST", "/api/v1/bookings", { slotId });
        if (!res.ok) {
          say(await refusal(res, w.failed));
          for (const b of slots()) b.disabled = false;
          return;
        }
        const booking = (await res.json()) as Booking;
        location.assign(`/bookings/${encodeURIComponent(booking.code)}`);
      }),
    );
  }
}

if (data.page === "booking" && data.code) {
  const code = data.code;
  followByPush(byId<HTMLButtonElement>("follow-booking"), `booking:${code}`, data.lang, w, say);
  const cancel = document.getElementById("cancel-booking") as HTMLButtonElement | null;
  cancel?.addEventListener(
    "click",
    inBackground(async () => {
      if (!confirm(w.confirmCancel)) return;
      cancel.disabled = true;
      const res = await send("DELETE", `/api/v1/bookings/${encodeURIComponent(code)}`);
      if (!res.ok) {
        say(await refusal(res, w.failed));
        cancel.disabled = false;
        return;
      }
      location.reload();
    }),
  );
}
