// The counter's desk: call the next number, print a paper ticket, read the day's bookings.
// Calls carry the staff's sign-in session; the big figures refresh for a screen at the counter.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("page-data").textContent);
  const w = data.words;
  const counter = encodeURIComponent(data.counterId);
  const status = document.getElementById("desk-status");
  const say = (text) => (status.textContent = text);
  const problemText = async (res) => {
    try {
      const problem = await res.json();
      return `${w.failed}: ${problem.detail || problem.code}`;
    } catch {
      return `${w.failed} (${res.status})`;
    }
  };
  const show = (queue) => {
    document.getElementById("desk-serving").textContent = String(queue.nowServing || "—");
    document.getElementById("desk-waiting").textContent = String(queue.waiting);
    document.getElementById("desk-issued").textContent = `${queue.nowServing} / ${queue.issued}`;
  };

  const call = document.getElementById("call-next");
  call.addEventListener("click", async () => {
    call.disabled = true;
    try {
      const res = await fetch(`/api/v1/counters/${counter}/calls`, { method: "POST" });
      if (!res.ok) return say(await problemText(res));
      const answer = await res.json();
      show(answer.queue);
      say(answer.called ? `${w.nowServing}: ${answer.called.number}` : w.noTicketToday);
    } finally {
      call.disabled = false;
    }
  });

  document.getElementById("print-ticket").addEventListener("click", async () => {
    const res = await fetch(`/api/v1/counters/${counter}/tickets`, { method: "POST" });
    if (!res.ok) return say(await problemText(res));
    const position = await res.json();
    show(position.queue);
    // The paper ticket is the ticket's own page, printed: its number and the QR code to follow it.
    const sheet = window.open(`/tickets/${encodeURIComponent(position.ticket.code)}`, "_blank");
    if (sheet) sheet.addEventListener("load", () => sheet.print());
  });

  const cell = (text) => {
    const td = document.createElement("td");
    td.textContent = text;
    return td;
  };
  const time = (iso) => new Date(iso).toLocaleTimeString(data.lang, { hour: "2-digit", minute: "2-digit", timeZone: "Asia/Tokyo" });
  async function loadBookings() {
    const res = await fetch(`/api/v1/counters/${counter}/bookings${data.day ? `?date=${data.day}` : ""}`);
    const box = document.getElementById("day-bookings");
    if (res.status === 401 || res.status === 403) return;
    if (!res.ok) return void (box.textContent = await problemText(res));
    const { bookings } = await res.json();
    if (bookings.length === 0) return void (box.textContent = w.noBookings);
    const table = document.createElement("table");
    table.className = "day-list";
    table.id = "day-bookings-table";
    const head = table.createTHead().insertRow();
    for (const title of [w.time, w.code, w.status, w.changeCol])
      head.appendChild(Object.assign(document.createElement("th"), { textContent: title }));
    const body = table.createTBody();
    for (const b of bookings) {
      const row = body.insertRow();
      row.dataset.code = b.code;
      row.append(
        cell(time(b.startsAt)),
        cell(b.code),
        cell(b.status === "cancelled" ? w.cancelled : w.booked),
        cell(b.crisisChange === "moved" ? w.crisisMoved : b.crisisChange === "cancelled" ? w.crisisCancelled : ""),
      );
    }
    box.replaceChildren(table);
  }
  loadBookings();

  setInterval(async () => {
    const res = await fetch(`/api/v1/counters/${counter}/queue`);
    if (res.ok) show(await res.json());
  }, 5_000);
  setInterval(loadBookings, 60_000);
})();
