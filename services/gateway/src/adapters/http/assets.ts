import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, extname, join } from "node:path";
import { FastifyInstance } from "fastify";
import { errors } from "../../domain/errors";
import { Encoding, encode } from "./compression";
import { browserScripts } from "./browser-build";
import { declareRoute, serve } from "./declared-routes";
import { pickEncoding } from "./status-body";

/** One file the pages load: its name in the code, the name it is served under (with its content's hash) and its bytes. */
export interface Asset {
  name: string;
  url: string;
  type: string;
  body: Buffer;
}

const types: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};
const compressible = (type: string) => !type.startsWith("image/png");

/** "/assets/status.js" with its bytes → "/assets/status.0123456789.js": a changed file gets a new name. */
export function hashedUrl(name: string, body: Buffer): string {
  const ext = extname(name);
  const hash = createHash("sha256").update(body).digest("hex").slice(0, 10);
  return `${name.slice(0, name.length - ext.length)}.${hash}${ext}`;
}

/** A year, and never asked again: the name changes when the content does. */
export const immutable = "public, max-age=31536000, immutable";

/**
 * The pages' scripts and styles under hashed names, each compressed once (brotli at its best, gzip)
 * on first request and kept: a phone on a weak network gets the smallest bytes, and a second visit
 * none at all.
 */
export class AssetCatalogue {
  private readonly byName = new Map<string, Asset>();
  private readonly byUrl = new Map<string, Asset>();
  private readonly encoded = new Map<string, Buffer>();

  constructor(files: { name: string; body: Buffer }[]) {
    for (const { name, body } of files) {
      const asset = { name, url: hashedUrl(name, body), type: types[extname(name)] ?? "application/octet-stream", body };
      this.byName.set(name, asset);
      this.byUrl.set(asset.url, asset);
    }
  }

  /** The hashed URL a page links to; an unknown name is a mistake in the page's code. */
  url(name: string): string {
    const asset = this.byName.get(name);
    if (!asset) throw new Error(`no asset named ${name}`);
    return asset.url;
  }

  /** The file at a hashed URL. */
  find(url: string): Asset | undefined {
    return this.byUrl.get(url);
  }

  /** The file at its plain name. */
  named(name: string): Asset | undefined {
    return this.byName.get(name);
  }

  /** The bytes to send for the client's Accept-Encoding. */
  body(asset: Asset, acceptEncoding: string | undefined): { encoding?: Encoding; body: Buffer } {
    const encoding = compressible(asset.type) ? pickEncoding(acceptEncoding) : undefined;
    if (!encoding) return { body: asset.body };
    const key = `${encoding} ${asset.url}`;
    let body = this.encoded.get(key);
    if (!body) this.encoded.set(key, (body = encode(asset.body, encoding, "best")));
    return { encoding, body };
  }
}

const publicDir = join(__dirname, "..", "..", "..", "public");
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

const leafletDir = join(packageDir("leaflet"), "dist");
/** Leaflet (its stylesheet names its images relative to itself) and its clustering: loaded by the status page only when the visitor opens the map. */
const vendorFiles: [string, string][] = [
  ["/assets/vendor/leaflet/leaflet.js", join(leafletDir, "leaflet.js")],
  ["/assets/vendor/leaflet/leaflet.css", join(leafletDir, "leaflet.css")],
  ...readdirSync(join(leafletDir, "images")).map((file): [string, string] => [
    `/assets/vendor/leaflet/images/${file}`,
    join(leafletDir, "images", file),
  ]),
  ["/assets/vendor/markercluster/leaflet.markercluster.js", join(packageDir("leaflet.markercluster"), "dist", "leaflet.markercluster.js")],
  ["/assets/vendor/markercluster/MarkerCluster.css", join(packageDir("leaflet.markercluster"), "dist", "MarkerCluster.css")],
];

let shipped: AssetCatalogue | undefined;

/**
 * The files this gateway ships: the styles and manifest in public/, the page scripts built from
 * browser/ (but the service worker, which keeps its own name) and the vendor files; made once.
 */
export function shippedAssets(): AssetCatalogue {
  shipped ??= new AssetCatalogue([
    ...readdirSync(publicDir).map((file) => ({ name: `/assets/${file}`, body: readFileSync(join(publicDir, file)) })),
    ...[...browserScripts()].filter(([file]) => file !== "sw.js").map(([file, body]) => ({ name: `/assets/${file}`, body })),
    ...vendorFiles.map(([name, path]) => ({ name, body: readFileSync(path) })),
  ]);
  return shipped;
}

/** The hashed URL of a shipped file, for the pages. */
export const assetUrl = (name: string) => shippedAssets().url(name);

export const assetApi = {
  asset: declareRoute({
    method: "GET",
    url: "/assets/*",
    summary: "The pages' CSS and JavaScript, Leaflet for the shelter map: by hashed name (immutable), or plain name (no-cache)",
    responses: { 200: "static file, brotli or gzip as accepted" },
  }),
};

/**
 * Each shipped file at its hashed URL, compressed as the client accepts, cached for good; at its plain
 * name too (asked again each time), for a page saved before a new version and for what a stylesheet
 * names relative to itself.
 */
export function assetRoutes(app: FastifyInstance, catalogue = shippedAssets()) {
  serve(app, assetApi.asset, ({ request, reply }) => {
    const path = request.url.split("?")[0];
    const hashed = catalogue.find(path);
    const asset = hashed ?? catalogue.named(path);
    if (!asset) throw errors.routeNotFound(path);
    const { encoding, body } = catalogue.body(asset, request.headers["accept-encoding"]);
    if (encoding) reply.header("content-encoding", encoding);
    return reply
      .type(asset.type)
      .header("cache-control", hashed ? immutable : "no-cache")
      .header("vary", "accept-encoding")
      .send(body);
  });
}
