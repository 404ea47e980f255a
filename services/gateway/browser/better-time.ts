// A service's page: follow "fewer than N waiting" at its counter, and its reopening, by push on this
// device. The topics join the ones this device already follows; the server checks N and the service.
import type { PageBasics } from "./lib/city-time";
import type { CounterWords } from "./lib/counter-words";
import { byId, pageData } from "./lib/dom";
import { failureReason, topicsWith } from "./lib/push-script";

const data = pageData<PageBasics & { serviceId: string; betterTime?: CounterWords }>();
const w = data.betterTime;
const push = window.crisisPush;
const form = document.getElementById("waiting-follow");
const reopening = document.getElementById("follow-reopening") as HTMLButtonElement | null;
if (form && reopening && w) {
  const status = byId("better-time-status");
  const submit = form.querySelector("button")!;
  const say = (text: string) => (status.textContent = text);
  if (!push?.supported) {
    for (const b of [submit, reopening]) b.disabled = true;
    say(w.noPush);
  } else {
    const follow = async (topic: string, replaces: (t: string) => boolean, button: HTMLButtonElement) => {
      button.disabled = true;
      try {
        await push.subscribe(topicsWith(push, topic, replaces), data.lang);
        say(w.following);
      } catch (err) {
        say(failureReason(err) === "no-push-service" ? w.noPush : `${w.failed}${err instanceof Error ? `: ${err.message}` : ""}`);
      }
      button.disabled = false;
    };
    const prefix = `waiting:${data.serviceId}:`;
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const n = byId<HTMLInputElement>("waiting-below").value.trim();
      if (!/^[1-9]\d{0,2}$/.test(n)) return say(w.waitingBelowInvalid);
      // One N per counter and device: a new N replaces the one followed before.
      void follow(`${prefix}${n}`, (t) => t.startsWith(prefix), submit);
    });
    reopening.addEventListener("click", () => void follow(`reopening:${data.serviceId}`, () => false, reopening));
  }
}
