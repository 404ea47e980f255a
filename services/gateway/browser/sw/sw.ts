// The service worker: keeps the last copy of each page (status, facilities, services) per language
// for when the network is gone and says so when a page was never saved; shows pushes as
// notifications, and opens the right page when one is clicked.
import type { ResidentLang } from "@crisis/platform/contracts";
import type { NotSavedWords } from "../../src/adapters/http/browser-build";

declare const self: ServiceWorkerGlobalScope;
/** Said when a page was never opened here while online, from the message catalogue (put in by the build). */
declare const NOT_SAVED_WORDS: NotSavedWords;

const cacheName = "crisis-pages-v1";
const assets = ["/assets/style.css", "/assets/status.js", "/assets/push.js", "/assets/subscribe.js"];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(cacheName)
      .then((cache) => cache.addAll(assets))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n !== cacheName).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

const languages = Object.keys(NOT_SAVED_WORDS) as ResidentLang[];
const isLanguage = (lang: string | null | undefined): lang is ResidentLang => languages.includes(lang as ResidentLang);
/** Where the language of the last page seen is kept, for a notice about a page never seen. */
const lastLanguageKey = "/sw-last-language";

/** The language a page was served in: the gateway says so in Content-Language. */
const langOf = (response: Response) => {
  const lang = response.headers.get("content-language");
  return isLanguage(lang) ? lang : null;
};

function notSavedPage(lang: ResidentLang) {
  const w = NOT_SAVED_WORDS[lang];
  const body = `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${w.title}</title><link rel="stylesheet" href="/assets/style.css"></head>
<body><main id="main"><h1>${w.title}</h1><p id="not-saved" class="freshness offline">${w.text}</p>
<p><a href="/?lang=${lang}">${w.back}</a></p></main></body></html>`;
  return new Response(body, { status: 503, headers: { "content-type": "text/html; charset=utf-8", "content-language": lang } });
}

/** Each page is kept twice: as the visitor last saw it, and for its language (`/?lang=en` offline opens the English copy). */
async function keepPage(url: URL, response: Response) {
  const cache = await caches.open(cacheName);
  const lang = langOf(response);
  await cache.put(url.pathname, response.clone());
  if (lang) {
    await cache.put(`${url.pathname}?lang=${lang}`, response);
    await cache.put(lastLanguageKey, new Response(lang));
  }
}

/** The kept copy of a page in the language asked (else the last one seen), or a notice that it was never saved. */
async function keptPage(url: URL) {
  const param = url.searchParams.get("lang");
  const asked = isLanguage(param) ? param : null;
  const kept = (asked && (await caches.match(`${url.pathname}?lang=${asked}`))) || (await caches.match(url.pathname));
  if (kept) return kept;
  const last = await caches.match(lastLanguageKey);
  const seen = last ? await last.text() : null;
  const browser = (self.navigator.language || "ja").toLowerCase();
  const fallback = languages.find((l) => browser.startsWith(l.toLowerCase())) ?? (browser.startsWith("zh") ? "zh-Hans" : "en");
  return notSavedPage(asked ?? (isLanguage(seen) ? seen : fallback));
}

// Pages: network first, the kept copy when offline (it carries its own "as of" time).
// Assets: the network too, so a new version is seen at once; the copy only when offline.
// The API is never answered from a copy: the page must know when it is offline.
self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin || url.pathname.startsWith("/api/")) return;
  const isPage = request.mode === "navigate";
  if (!isPage && !url.pathname.startsWith("/assets/")) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          event.waitUntil(isPage ? keepPage(url, copy) : caches.open(cacheName).then((cache) => cache.put(request, copy)));
        }
        return response;
      })
      .catch(() => (isPage ? keptPage(url) : caches.match(request).then((kept) => kept ?? Response.error()))),
  );
});

/** What the notify service sends in a push: every field may be missing. */
interface PushMessage {
  title?: string;
  body?: string;
  tag?: string;
  lang?: string;
  url?: string;
}

self.addEventListener("push", (event) => {
  let message: PushMessage;
  try {
    message = event.data ? (event.data.json() as PushMessage) : {};
  } catch {
    message = { title: event.data ? event.data.text() : "" };
  }
  const title = message.title || "熊本市";
  event.waitUntil(
    self.registration.showNotification(title, {
      body: message.body || "",
      tag: message.tag || undefined,
      lang: message.lang || undefined,
      data: { url: message.url || "/" },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const data = event.notification.data as { url?: string } | null;
  const target = new URL(data?.url || "/", self.location.origin);
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((windows) => {
      const open = windows.find((w) => new URL(w.url).pathname === target.pathname);
      if (open) return open.focus();
      return self.clients.openWindow(target.href);
    }),
  );
});
