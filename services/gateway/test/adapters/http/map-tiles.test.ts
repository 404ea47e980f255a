import { NatsServerHandle, startNatsServer } from "@crisis/platform/testing";
import { securityHeaders, tileSource } from "../../../src/adapters/http/edge";
import { LocalIdp, startLocalIdp } from "../auth/local-idp";
import { GatewayUnderTest, startGateway } from "../gateway-under-test";

const imgSrc = (headers: [string, string][]) =>
  new Map(headers)
    .get("content-security-policy")
    ?.split(";")
    .find((d) => d.startsWith("img-src"));

describe("the map's tiles under the CSP", () => {
  it("allows images from the tile URL's own origin, Leaflet's {s} subdomains as a wildcard, and nothing else", () => {
    expect(tileSource("https://tiles.example.jp:8443/osm/{z}/{x}/{y}.png")).toBe("https://tiles.example.jp:8443");
    expect(tileSource("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png")).toBe("https://*.tile.openstreetmap.org");
    expect(tileSource("https://evil.example; script-src *")).toBeUndefined();
    expect(tileSource("javascript:alert(1)")).toBeUndefined();
    expect(tileSource(undefined)).toBeUndefined();
    expect(imgSrc(securityHeaders({ hsts: false }))).toBe("img-src 'self' data:");
    expect(imgSrc(securityHeaders({ hsts: false, tileUrl: "https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png" }))).toBe(
      "img-src 'self' data: https://*.tile.openstreetmap.org",
    );
  });

  describe("on the gateway configured with PAGES_TILE_URL", () => {
    let nats: NatsServerHandle;
    let idp: LocalIdp;
    let gw: GatewayUnderTest;
    const tileUrl = "https://tiles.example.jp/osm/{z}/{x}/{y}.png";

    beforeAll(async () => {
      [nats, idp] = await Promise.all([startNatsServer(), startLocalIdp()]);
      gw = await startGateway(nats, idp, { registry: [], pages: { tileUrl } });
    });
    afterAll(async () => {
      await gw.stop();
      await Promise.all([nats.stop(), idp.stop()]);
    });

    it("sends the page that draws the map and the cached status the same CSP, naming the tile origin", async () => {
      for (const path of ["/", "/api/v1/status"]) {
        const res = await gw.call("GET", path);
        expect(`${path} ${res.headers.get("content-security-policy")}`).toContain("img-src 'self' data: https://tiles.example.jp;");
      }
    });
  });
});
