import { defaultReturnTo, safeReturnTo, sameOriginWrite } from "../../../../src/areas/sign-in/domain/sign-in";

describe("where a person is sent back to after signing in", () => {
  it.each([
    ["/staff/notices/n-1", "/staff/notices/n-1"],
    ["/console?lang=en", "/console?lang=en"],
    ["/staff#notices", "/staff#notices"],
    // An encoded backslash stays a path segment on this site: browsers do not decode it into "/\\".
    ["/%5Cevil", "/%5Cevil"],
  ])("keeps the path %s on this site", (asked, kept) => {
    expect(safeReturnTo(asked)).toBe(kept);
  });

  it.each([
    ["//evil.example"],
    ["https://evil"],
    ["/\\evil"],
    ["\\\\evil"],
    ["javascript:alert(1)"],
    ["evil.example/console"],
    ["/\tevil"],
    [""],
    [undefined],
    [["/console", "//evil.example"]],
  ])("refuses %p and sends the person to the console instead", (asked) => {
    expect(safeReturnTo(asked)).toBe(defaultReturnTo);
  });
});

describe("a write authenticated by the session cookie", () => {
  const ours = ["https://city.example"];

  it("is accepted from this origin, by Sec-Fetch-Site or by Origin", () => {
    expect(sameOriginWrite("POST", { "sec-fetch-site": "same-origin" }, ours)).toBe(true);
    expect(sameOriginWrite("PUT", { origin: "https://city.example" }, ours)).toBe(true);
  });

  it("is refused from another origin of the same site, another site, or with neither header", () => {
    expect(sameOriginWrite("POST", { "sec-fetch-site": "same-site", origin: "https://city.example" }, ours)).toBe(false);
    expect(sameOriginWrite("POST", { "sec-fetch-site": "cross-site" }, ours)).toBe(false);
    expect(sameOriginWrite("POST", { origin: "https://evil.example" }, ours)).toBe(false);
    expect(sameOriginWrite("DELETE", { origin: "null" }, ours)).toBe(false);
    expect(sameOriginWrite("POST", {}, ours)).toBe(false);
  });

  it("is not asked where it comes from when it only reads", () => {
    expect(sameOriginWrite("GET", { "sec-fetch-site": "cross-site" }, ours)).toBe(true);
  });
});
