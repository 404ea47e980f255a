// The service worker: keeps the last copy of each page (status, facilities, services) per language
// for when the network is gone and says so when a page was never saved; shows pushes as
// notifications, and opens the right page when one is clicked.
"use strict";
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

// Said when a page was never opened here while online; in the visitor's language, with a way to what is saved.
const notSavedWords = {
  ja: {
    title: "オフラインです",
    text: "このページはまだこの端末に保存されていません。接続が戻ってから開いてください。",
    back: "保存されている状況ページを開く",
  },
  "ja-x-easy": {
    title: "インターネットに つながっていません",
    text: "この ページは まだ ありません。インターネットに つながってから 開(ひら)いてください。",
    back: "保存(ほぞん)した ページを 開(ひら)く",
  },
  en: {
    title: "You are offline",
    text: "This page has not been saved on this device yet. Open it again once you are back online.",
    back: "Open the saved status page",
  },
  vi: {
    title: "Bạn đang ngoại tuyến",
    text: "Trang này chưa được lưu trên thiết bị. Hãy mở lại khi có kết nối mạng.",
    back: "Mở trang tình trạng đã lưu",
  },
  "zh-Hans": {
    title: "您目前处于离线状态",
    text: "本页面尚未保存在此设备上。请在恢复联网后再打开。",
    back: "打开已保存的状况页面",
  },
  "zh-Hant": {
    title: "您目前處於離線狀態",
    text: "本頁面尚未儲存在此裝置上。請在恢復連線後再開啟。",
    back: "開啟已儲存的狀況頁面",
  },
  ko: {
    title: "오프라인 상태입니다",
    text: "이 페이지는 아직 이 기기에 저장되지 않았습니다. 인터넷에 다시 연결된 뒤 열어 주십시오.",
    back: "저장된 상황 페이지 열기",
  },
  ne: {
    title: "तपाईं अफलाइन हुनुहुन्छ",
    text: "यो पृष्ठ अझै यो उपकरणमा सुरक्षित गरिएको छैन। इन्टरनेट फर्केपछि फेरि खोल्नुहोस्।",
    back: "सुरक्षित गरिएको अवस्थाको पृष्ठ खोल्नुहोस्",
  },
};
const languages = Object.keys(notSavedWords);
/** Where the language of the last page seen is kept, for a notice about a page never seen. */
const lastLanguageKey = "/sw-last-language";

/** The language a page was served in: the gateway says so in Content-Language. */
const langOf = (response) => {
  const lang = response && response.headers.get("content-language");
  return languages.includes(lang) ? lang : null;
};

function notSavedPage(lang) {
  const w = notSavedWords[lang];
  const body = `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${w.title}</title><link rel="stylesheet" href="/assets/style.css"></head>
<body><main id="main"><h1>${w.title}</h1><p id="not-saved" class="freshness offline">${w.text}</p>
<p><a href="/?lang=${lang}">${w.back}</a></p></main></body></html>`;
  return new Response(body, { status: 503, headers: { "content-type": "text/html; charset=utf-8", "content-language": lang } });
}

/** Each page is kept twice: as the visitor last saw it, and for its language (`/?lang=en` offline opens the English copy). */
async function keepPage(url, response) {
  const cache = await caches.open(cacheName);
  const lang = langOf(response);
  await cache.put(url.pathname, response.clone());
  if (lang) {
    await cache.put(`${url.pathname}?lang=${lang}`, response);
    await cache.put(lastLanguageKey, new Response(lang));
  }
}

/** The kept copy of a page in the language asked (else the last one seen), or a notice that it was never saved. */
async function keptPage(url) {
  const asked = languages.includes(url.searchParams.get("lang")) ? url.searchParams.get("lang") : null;
  const kept = (asked && (await caches.match(`${url.pathname}?lang=${asked}`))) || (await caches.match(url.pathname));
  if (kept) return kept;
  const last = await caches.match(lastLanguageKey);
  const seen = last ? await last.text() : null;
  const browser = (self.navigator.language || "ja").toLowerCase();
  const fallback = languages.find((l) => browser.startsWith(l.toLowerCase())) || (browser.startsWith("zh") ? "zh-Hans" : "en");
  return notSavedPage(asked || (languages.includes(seen) ? seen : fallback));
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
      .catch(() => (isPage ? keptPage(url) : caches.match(request).then((kept) => kept || Response.error()))),
  );
});

self.addEventListener("push", (event) => {
  let message;
  try {
    message = event.data ? event.data.json() : {};
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
  const target = new URL((event.notification.data && event.notification.data.url) || "/", self.location.origin);
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((windows) => {
      const open = windows.find((w) => new URL(w.url).pathname === target.pathname);
      if (open) return open.focus();
      return self.clients.openWindow(target.href);
    }),
  );
});
