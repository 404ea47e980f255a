// Web Push for the pages: subscribe this browser with the city's VAPID key, keep the
// unsubscribe token, and delete the subscription for real on unsubscribe.
"use strict";
(function () {
  const storeKey = "crisis.subscription";
  const stored = () => {
    try {
      return JSON.parse(localStorage.getItem(storeKey) || "null");
    } catch {
      return null;
    }
  };
  const keyBytes = (base64url) => {
    const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (base64url.length % 4)) % 4);
    return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  };
  /** An error the page explains in its own words: "denied", "no-push-service" or "server". */
  const failure = (reason) => Object.assign(new Error(reason), { reason });

  async function subscribe(topics, lang) {
    if (Notification.permission !== "granted" && (await Notification.requestPermission()) !== "granted") throw failure("denied");
    const registration = await navigator.serviceWorker.ready;
    const keyRes = await fetch("/api/v1/push/public-key");
    if (!keyRes.ok) throw failure("server");
    const { publicKey } = await keyRes.json();
    const existing = await registration.pushManager.getSubscription();
    let subscription = existing;
    try {
      subscription ??= await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) });
    } catch (err) {
      throw failure(err && err.name === "NotAllowedError" ? "denied" : "no-push-service");
    }
    const res = await fetch("/api/v1/subscriptions", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ subscription: subscription.toJSON(), topics, lang }),
    });
    if (res.status !== 201 && res.status !== 200) throw failure("server");
    const { id, unsubscribeToken } = await res.json();
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
      if (!res.ok && res.status !== 404) throw failure("server");
    }
    const registration = await navigator.serviceWorker.ready;
    const subscription = await registration.pushManager.getSubscription();
    if (subscription) await subscription.unsubscribe();
    localStorage.removeItem(storeKey);
  }

  const supported = "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;
  // Registered after the page has loaded: the worker's start-up never competes with the first view.
  const register = () => navigator.serviceWorker.register("/sw.js").catch(() => undefined);
  if ("serviceWorker" in navigator) {
    if (document.readyState === "complete") register();
    else window.addEventListener("load", register, { once: true });
  }
  window.crisisPush = { supported, stored, subscribe, unsubscribe };
})();
