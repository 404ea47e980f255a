// The subscribe panel: choose wards, categories, facilities and a language, then subscribe.
"use strict";
(function () {
  // Set up once the page is idle: the panel sits at the end of the page, nothing above it waits for it.
  const idle = () => (window.requestIdleCallback ? requestIdleCallback(setUp, { timeout: 3000 }) : setTimeout(setUp, 200));
  if (document.readyState === "complete") idle();
  else window.addEventListener("load", idle, { once: true });

  function setUp() {
    const form = document.getElementById("subscribe-form");
    if (!form || !window.crisisPush) return;
    const words = JSON.parse(document.getElementById("page-data").textContent).words;
    const push = window.crisisPush;
    if (!push.supported) {
      document.getElementById("subscribe-unsupported").hidden = false;
      return;
    }
    const result = document.getElementById("subscribe-result");
    const unsubscribeButton = document.getElementById("unsubscribe-button");
    const boxes = () => Array.from(form.querySelectorAll('input[name="topic"]'));
    /** Never the browser's own text: each failure in the page's words. */
    const failed = (err) =>
      ({ denied: words.subscribeDenied, "no-push-service": words.subscribeNoPushService, timeout: words.subscribeTimeout })[
        err && err.reason
      ] || words.subscribeFailed;
    /** A push service that never answers must not leave the visitor waiting forever. */
    const within15s = (promise) =>
      Promise.race([
        promise,
        new Promise((_, reject) => setTimeout(() => reject(Object.assign(new Error("timeout"), { reason: "timeout" })), 15000)),
      ]);

    const show = (record) => {
      unsubscribeButton.hidden = !record;
      if (!record) return;
      for (const box of boxes()) if (record.topics.includes(box.value)) box.checked = true;
      form.elements.lang.value = record.lang;
    };
    show(push.stored());
    form.hidden = false;

    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const onPage = new Set(boxes().map((b) => b.value));
      const chosen = boxes()
        .filter((b) => b.checked)
        .map((b) => b.value);
      // Facilities followed from another facility's page stay followed.
      const kept = ((push.stored() || {}).topics || []).filter((t) => !onPage.has(t));
      const topics = [...chosen, ...kept];
      if (topics.length === 0) {
        result.textContent = words.chooseTopic;
        return;
      }
      result.textContent = words.subscribeWorking;
      try {
        show(await within15s(push.subscribe(topics, form.elements.lang.value)));
        result.textContent = words.subscribed;
      } catch (err) {
        result.textContent = failed(err);
      }
    });

    unsubscribeButton.addEventListener("click", async () => {
      try {
        await push.unsubscribe();
        for (const box of boxes()) box.checked = false;
        show(null);
        result.textContent = words.unsubscribed;
      } catch (err) {
        result.textContent = failed(err);
      }
    });
  }
})();
