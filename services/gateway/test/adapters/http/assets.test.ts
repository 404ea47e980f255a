import { get } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import pino from "pino";
import { unaryHandler } from "@crisis/platform";
import { FacilityUse, ShelterOperation } from "@crisis/platform/contracts";
import { Facility } from "@crisis/platform/contracts/facilities";
import { NatsServerHandle, startNatsServer } from "@crisis/platform/testing";
import { AssetCatalogue, hashedUrl, immutable, shippedAssets } from "../../../src/adapters/http/assets";
import { LocalIdp, startLocalIdp } from "../auth/local-idp";
import { GatewayUnderTest, startGateway } from "../gateway-under-test";

/** The raw bytes and headers, as a browser receives them before decoding. */
const fetchRaw = (url: string, acceptEncoding?: string) =>
  new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    get(url, { headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on("error", reject);
  });

const shelter = Facility.fromPartial({
  id: "s:1",
  name: "碩台小学校",
  category: "school",
  ward: "北区",
  designatedShelter: true,
  canShelter: true,
  use: FacilityUse.FACILITY_USE_OPEN,
  shelter: ShelterOperation.SHELTER_OPERATION_OPEN,
  latitude: 32.81,
  longitude: 130.72,
});
const facilities = {
  listFacilities: unaryHandler(pino({ level: "silent" }), "ListFacilities", async () => ({
    facilities: [shelter],
    nextCursor: "",
    total: 1,
  })),
};

describe("the pages' files under hashed names", () => {
  it("gives a changed file a new name, and the same bytes the same name", () => {
    const before = new AssetCatalogue([{ name: "/assets/status.js", body: Buffer.from("show(1)") }]);
    const after = new AssetCatalogue([{ name: "/assets/status.js", body: Buffer.from("show(2)") }]);
    expect(before.url("/assets/status.js")).toMatch(/^\/assets\/status\.[0-9a-f]{10}\.js$/);
    expect(after.url("/assets/status.js")).not.toBe(before.url("/assets/status.js"));
    expect(hashedUrl("/assets/status.js", Buffer.from("show(1)"))).toBe(before.url("/assets/status.js"));
    expect(() => before.url("/assets/missing.js")).toThrow("no asset named /assets/missing.js");
    expect(shippedAssets().url("/assets/vendor/markercluster/leaflet.markercluster.js")).toMatch(
      /^\/assets\/vendor\/markercluster\/leaflet\.markercluster\.[0-9a-f]{10}\.js$/,
    );
  });

  describe("on a gateway", () => {
    let nats: NatsServerHandle;
    let idp: LocalIdp;
    let gw: GatewayUnderTest;

    beforeAll(async () => {
      [nats, idp] = await Promise.all([startNatsServer(), startLocalIdp()]);
      gw = await startGateway(nats, idp, {
        facilities: facilities as never,
        registry: [shelter],
        pages: { tileUrl: "https://tiles.example.jp/{z}/{x}/{y}.png" },
      });
    });
    afterAll(async () => {
      await gw.stop();
      await Promise.all([nats.stop(), idp.stop()]);
    });

    it("sends the page compressed as the client accepts, and plain to a client that takes no coding", async () => {
      const plain = await fetchRaw(`${gw.base}/?lang=ja`);
      expect(plain.headers["content-encoding"]).toBeUndefined();
      expect(plain.body.toString()).toMatch(/^<!doctype html>/);
      const br = await fetchRaw(`${gw.base}/?lang=ja`, "gzip, deflate, br");
      expect(br.headers["content-encoding"]).toBe("br");
      expect(br.headers.vary).toMatch(/accept-encoding/);
      expect(brotliDecompressSync(br.body).toString()).toMatch(/^<!doctype html>/);
      expect(br.body.length).toBeLessThan(plain.body.length / 2);
      const gzip = await fetchRaw(`${gw.base}/?lang=ja`, "gzip");
      expect(gzip.headers["content-encoding"]).toBe("gzip");
      expect(gunzipSync(gzip.body).toString()).toMatch(/^<!doctype html>/);
    });

    it("links every script and style by hashed name, each cached for good and compressed; the plain name is asked again each time", async () => {
      const page = (await gw.call("GET", "/?lang=ja")).text;
      const data = JSON.parse(/<script type="application\/json" id="page-data">([^]*?)<\/script>/.exec(page)![1]);
      const linked = [
        ...[...page.matchAll(/<(?:script src|link rel="(?:stylesheet|manifest)" href)="([^"]+)"/g)].map((m) => m[1]),
        ...data.mapFiles.styles,
        ...data.mapFiles.scripts,
      ];
      expect(linked).toEqual(expect.arrayContaining([expect.stringMatching(/^\/assets\/style\.[0-9a-f]{10}\.css$/)]));
      expect(linked).toHaveLength(11);
      for (const url of linked) {
        expect(url).toMatch(/\.[0-9a-f]{10}\.\w+$/);
        const res = await fetchRaw(`${gw.base}${url}`, "br");
        expect(`${url} ${res.status} ${res.headers["cache-control"]} ${res.headers["content-encoding"]}`).toBe(
          `${url} 200 ${immutable} br`,
        );
      }
      const plain = await fetchRaw(`${gw.base}/assets/status.js`, "gzip");
      expect([plain.status, plain.headers["cache-control"], plain.headers["content-encoding"]]).toEqual([200, "no-cache", "gzip"]);
      // Leaflet's stylesheet names its images relative to itself.
      expect((await fetchRaw(`${gw.base}/assets/vendor/leaflet/images/layers.png`)).status).toBe(200);
      expect((await gw.call("GET", "/assets/status.0000000000.js")).body).toMatchObject({ status: 404, code: "ROUTE_NOT_FOUND" });
    });
  });
});
