// A service's page: follow "fewer than N waiting" at its counter, and its reopening, by push on this
// device. The topics join the ones this device already follows; the server checks N and the service.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("page-data").textContent);
  const w = data.betterTime;
  const push = window.crisisPush;
  const form = document.getElementById("waiting-follow");
  const reopening = document.getElementById("follow-reopening");
  const status = document.getElementById("better-time-status");
  if (!form || !w) return;
  const say = (text) => (status.textContent = text);
  if (!push || !push.supported) {
    for (const b of [form.querySelector("button"), reopening]) b.disabled = true;
    say(w.noPush);
    return;
  }
  const follow = async (topic, replaces, button) => {
    button.disabled = true;
    try {
      const kept = ((push.stored() || {}).topics || []).filter((t) => t !== topic && !replaces(t));
      await push.subscribe([...kept, topic], data.lang);
      say(w.following);
    } catch (err) {
      say(err && err.reason === "no-push-service" ? w.noPush : `${w.failed}${err && err.message ? `: ${err.message}` : ""}`);
    }
    button.disabled = false;
  };
  const prefix = `waiting:${data.serviceId}:`;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const n = document.getElementById("waiting-below").value.trim();
    if (!/^[1-9]\d{0,2}$/.test(n)) return say(w.waitingBelowInvalid);
    // One N per counter and device: a new N replaces the one followed before.
    void follow(`${prefix}${n}`, (t) => t.startsWith(prefix), form.querySelector("button"));
  });
  reopening.addEventListener("click", () => void follow(`reopening:${data.serviceId}`, () => false, reopening));
})();
