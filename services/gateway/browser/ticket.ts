// Remote tickets: take a number at a counter, follow it by push, and keep the page's figures fresh.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("page-data").textContent);
  const w = data.words;
  const status = document.getElementById("ticket-status");
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

  for (const button of document.querySelectorAll("button.take-ticket")) {
    button.addEventListener("click", async () => {
      button.disabled = true;
      const res = await fetch(`/api/v1/counters/${encodeURIComponent(button.dataset.counter)}/tickets`, { method: "POST" });
      if (!res.ok) {
        say(await problemText(res));
        button.disabled = false;
        return;
      }
      const position = await res.json();
      location.assign(`/tickets/${encodeURIComponent(position.ticket.code)}`);
    });
  }

  if (data.page !== "ticket") return;
  const topic = `ticket:${data.code}`;
  const push = window.crisisPush;
  const follow = document.getElementById("follow-ticket");
  if (follow) {
    if (!push || !push.supported) follow.disabled = true;
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
  }

  // While waiting, the figures follow the counter; a change of state (called, cancelled) redraws the page.
  const set = (id, text) => {
    const el = document.getElementById(id);
    if (el) el.textContent = text;
  };
  if (data.status === "waiting")
    setInterval(async () => {
      const res = await fetch(`/api/v1/tickets/${encodeURIComponent(data.code)}`);
      if (!res.ok) return;
      const position = await res.json();
      if (position.ticket.status !== "waiting") return location.reload();
      set("ticket-ahead", w.ahead.replace("{n}", String(position.ahead)));
      set("ticket-eta", w.eta.replace("{n}", String(position.etaMinutes)));
      set("ticket-serving", String(position.queue.nowServing || "—"));
    }, 10_000);
})();
