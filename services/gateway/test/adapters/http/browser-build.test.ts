import { residentLanguages, say } from "@crisis/platform/contracts";
import { browserScripts } from "../../../src/adapters/http/browser-build";
import { shippedAssets } from "../../../src/adapters/http/assets";

describe("the browser scripts built at start", () => {
  it("makes one script per page file and the service worker, each a self-contained function", () => {
    const built = browserScripts();
    expect([...built.keys()].sort()).toEqual(
      expect.arrayContaining(["booking.js", "crowding.js", "push.js", "status.js", "subscribe.js", "sw.js", "ticket.js"]),
    );
    for (const [name, body] of built) {
      const text = body.toString("utf8");
      expect({ name, iife: /^(\(\(\)=>\{|"use strict";\(\(\)=>\{)/.test(text) }).toEqual({ name, iife: true });
      expect({ name, zone: text.includes("Asia/Tokyo") }).toEqual({ name, zone: false });
    }
  });

  it("builds once per process", () => {
    expect(browserScripts()).toBe(browserScripts());
  });

  it("serves the page scripts by hashed name, but the service worker, which keeps its own", () => {
    expect(shippedAssets().url("/assets/status.js")).toMatch(/^\/assets\/status\.[0-9a-f]{10}\.js$/);
    expect(shippedAssets().named("/assets/sw.js")).toBeUndefined();
  });

  it("puts the offline notice of every resident language, from the catalogue, into the service worker", () => {
    const worker = browserScripts().get("sw.js")!.toString("utf8");
    for (const lang of residentLanguages) {
      expect(worker).toContain(JSON.stringify(say(lang, "notSavedTitle")).slice(1, -1));
      expect(worker).toContain(JSON.stringify(say(lang, "notSavedBack")).slice(1, -1));
    }
  });
});
