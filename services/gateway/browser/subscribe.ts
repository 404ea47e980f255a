// The subscribe panel: choose wards, categories, facilities and a language, then subscribe.
import { byId, pageData, whenIdle } from "./lib/dom";
import type { ResidentPageData } from "./lib/page-words";
import { type StoredSubscription, failureReason, pushFailure } from "./lib/push-script";

// Set up once the page is idle: the panel sits at the end of the page, nothing above it waits for it.
whenIdle(setUp);

function setUp() {
  const form = document.getElementById("subscribe-form") as HTMLFormElement | null;
  const push = window.crisisPush;
  if (!form || !push) return;
  const words = pageData<ResidentPageData>().words;
  if (!push.supported) {
    byId("subscribe-unsupported").hidden = false;
    return;
  }
  const result = byId("subscribe-result");
  const unsubscribeButton = byId<HTMLButtonElement>("unsubscribe-button");
  const language = form.elements.namedItem("lang") as HTMLSelectElement;
  const boxes = () => Array.from(form.querySelectorAll<HTMLInputElement>('input[name="topic"]'));
  /** Never the browser's own text: each failure in the page's words. */
  const failed = (err: unknown) => {
    const reason = failureReason(err);
    if (reason === "denied") return words.subscribeDenied;
    if (reason === "no-push-service") return words.subscribeNoPushService;
    if (reason === "timeout") return words.subscribeTimeout;
    return words.subscribeFailed;
  };
  /** A push service that never answers must not leave the visitor waiting forever. */
  const within15s = <T>(promise: Promise<T>) =>
    Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(pushFailure("timeout")), 15000))]);

  const show = (record: StoredSubscription | null) => {
    unsubscribeButton.hidden = !record;
    if (!record) return;
    for (const box of boxes()) if (record.topics.includes(box.value)) box.checked = true;
    language.value = record.lang;
  };
  show(push.stored());
  form.hidden = false;

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const onPage = new Set(boxes().map((b) => b.value));
    const chosen = boxes()
      .filter((b) => b.checked)
      .map((b) => b.value);
    // Facilities followed from another facility's page stay followed.
    const kept = (push.stored()?.topics ?? []).filter((t) => !onPage.has(t));
    const topics = [...chosen, ...kept];
    if (topics.length === 0) {
      result.textContent = words.chooseTopic;
      return;
    }
    result.textContent = words.subscribeWorking;
    within15s(push.subscribe(topics, language.value)).then(
      (record) => {
        show(record);
        result.textContent = words.subscribed;
      },
      (err: unknown) => (result.textContent = failed(err)),
    );
  });

  unsubscribeButton.addEventListener("click", () => {
    push.unsubscribe().then(
      () => {
        for (const box of boxes()) box.checked = false;
        show(null);
        result.textContent = words.unsubscribed;
      },
      (err: unknown) => (result.textContent = failed(err)),
    );
  });
}
