// Web Push for the pages: subscribe this browser with the city's VAPID key, keep the
// unsubscribe token, and delete the subscription for real on unsubscribe.
import type { PushKey, Subscribed } from "./lib/api";
import { type StoredSubscription, pushFailure } from "./lib/push-script";

const storeKey = "crisis.subscription";
const stored = (): StoredSubscription | null => {
  try {
    return JSON.parse(localStorage.getItem(storeKey) || "null") as StoredSubscription | null;
  } catch {
    return null;
  }
};
const keyBytes = (base64url: string) => {
  const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (base64url.length % 4)) % 4);
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
};

async function subscribe(topics: string[], lang: string): Promise<StoredSubscription> {
  if (Notification.permission !== "granted" && (await Notification.requestPermission()) !== "granted") throw pushFailure("denied");
  const registration = await navigator.serviceWorker.ready;
  const keyRes = await fetch("/api/v1/push/public-key");
  if (!keyRes.ok) throw pushFailure("server");
  const { publicKey } = (await keyRes.json()) as PushKey;
  let subscription = await registration.pushManager.getSubscription();
  try {
    subscription ??= await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) });
  } catch (err) {
    throw pushFailure(err instanceof Error && err.name === "NotAllowedError" ? "denied" : "no-push-service");
  }
  const res = await fetch("/api/v1/subscriptions", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ subscription: subscription.toJSON(), topics, lang }),
  });
  if (res.status !== 201 && res.status !== 200) throw pushFailure("server");
  const { id, unsubscribeToken } = (await res.json()) as Subscribed;
  const record = { id, unsubscribeToken, topics, lang };
  localStorage.setItem(storeKey, JSON.stringify(record));
  return record;
}

async function unsubscribe() {
  const record = stored();
  if (record) {
    const res = await fetch(`/api/v1/subscriptions/${encodeURIComponent(record.id)}`, {
      method: "DELETE",
      headers: { "x-unsubscribe-token": record.unsubscribeToken },
    });
    // 404: already gone on the server; either way the browser side goes too.
    if (!res.ok && res.status !== 404) throw pushFailure("server");
  }
  const registration = await navigator.serviceWorker.ready;
  const subscription = await registration.pushManager.getSubscription();
  if (subscription) await subscription.unsubscribe();
  localStorage.removeItem(storeKey);
}

const supported = "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;
// Registered after the page has loaded: the worker's start-up never competes with the first view.
const register = () => void navigator.serviceWorker.register("/sw.js").catch(() => undefined);
if ("serviceWorker" in navigator) {
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register, { once: true });
}
window.crisisPush = { supported, stored, subscribe, unsubscribe };
