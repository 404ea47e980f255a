// Booking a counter time without an account: book or move to a slot, follow the booking by push,
// cancel it. The page is rendered by the server; this script only sends the clicks.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("page-data").textContent);
  const w = data.words;
  const status = document.getElementById("book-status") || document.getElementById("booking-status");
  const say = (text) => {
    if (status) status.textContent = text;
  };
  const problemText = async (res) => {
    try {
      const problem = await res.json();
      return `${w.failed}: ${problem.detail || problem.code}`;
    } catch {
      return `${w.failed} (${res.status})`;
    }
  };
  const send = (method, url, body) =>
    fetch(url, {
      method,
      headers: body ? { "content-type": "application/json" } : {},
      body: body ? JSON.stringify(body) : undefined,
    });

  if (data.page === "book") {
    for (const button of document.querySelectorAll("button.slot")) {
      button.addEventListener("click", async () => {
        for (const b of document.querySelectorAll("button.slot")) b.disabled = true;
        const slotId = button.dataset.slot;
        const res = data.changing
          ? await send("PATCH", `/api/v1/bookings/${encodeURIComponent(data.changing)}`, { slotId })
          : await send("POST", "/api/v1/bookings", { slotId });
        if (!res.ok) {
          say(await problemText(res));
          for (const b of document.querySelectorAll("button.slot")) b.disabled = false;
          return;
        }
        const booking = await res.json();
        location.assign(`/bookings/${encodeURIComponent(booking.code)}`);
      });
    }
  }

  if (data.page === "booking") {
    const follow = document.getElementById("follow-booking");
    const push = window.crisisPush;
    if (!push || !push.supported) follow.disabled = true;
    const topic = `booking:${data.code}`;
    const stored = push && push.stored();
    if (stored && stored.topics.includes(topic)) say(w.following);
    follow.addEventListener("click", async () => {
      follow.disabled = true;
      try {
        const kept = ((push.stored() || {}).topics || []).filter((t) => t !== topic);
        await push.subscribe([...kept, topic], data.lang);
        say(w.following);
      } catch (err) {
        say(err && err.reason === "no-push-service" ? w.noPush : w.failed);
        follow.disabled = false;
      }
    });
    const cancel = document.getElementById("cancel-booking");
    if (cancel)
      cancel.addEventListener("click", async () => {
        if (!confirm(w.confirmCancel)) return;
        cancel.disabled = true;
        const res = await send("DELETE", `/api/v1/bookings/${encodeURIComponent(data.code)}`);
        if (!res.ok) {
          say(await problemText(res));
          cancel.disabled = false;
          return;
        }
        location.reload();
      });
  }
})();
