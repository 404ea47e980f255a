import { FastifyInstance, FastifyReply } from "fastify";
import { create } from "xmlbuilder2";
import { glossary, say } from "@crisis/platform/contracts";
import { LiveStatus } from "../app/follow-status";
import { readAlert, readChanges } from "../app/read-feeds";
import { capDocument } from "../domain/cap";
import { errors } from "../../../domain/errors";
import { Change } from "../domain/status-view";
import { declareRoute, serve } from "../../../adapters/http/declared-routes";

export const feedApi = {
  atom: declareRoute({
    method: "GET",
    url: "/feeds/status.atom",
    summary: "Atom 1.0 feed, one entry per change (ja and en titles)",
    responses: { 200: "application/atom+xml" },
  }),
  cap: declareRoute({
    method: "GET",
    url: "/feeds/cap.xml",
    summary: "The newest OASIS CAP 1.2 message (Alert, Update, Cancel)",
    responses: { 200: "application/xml" },
    problems: { 404: "NO_ALERT" },
  }),
  capMessage: declareRoute({
    method: "GET",
    url: "/feeds/cap/:id",
    summary: "One CAP 1.2 message at its permanent URL (`<id>.xml`, its <web>), as it read when a newer one replaced it",
    responses: { 200: "application/cap+xml" },
    problems: { 404: "CAP_MESSAGE_NOT_FOUND" },
  }),
};

export interface FeedOptions {
  /** Where the gateway is reached from outside: feeds name themselves and their pages by it. */
  publicBaseUrl: string;
  /** CAP `sender`: the city's alerting authority. */
  capSender: string;
}

const atomNs = "http://www.w3.org/2005/Atom";
const xml = (tree: Record<string, unknown>) => create({ version: "1.0", encoding: "UTF-8" }, tree).end({ prettyPrint: true });

export function atomFeed(changes: Change[], updated: Date, base: string): string {
  const entry = (c: Change) => ({
    id: `urn:kumamoto-city:crisis:change:${c.id}:${c.kind}`,
    title: `${c.title.ja} / ${c.title.en}`,
    updated: new Date(Date.parse(c.at) || updated.getTime()).toISOString(),
    category: { "@term": c.kind },
    link: { "@rel": "alternate", "@href": `${base}/api/v1/status` },
    content: { "@type": "text", "#": JSON.stringify(c.data) },
  });
  return xml({
    feed: {
      "@xmlns": atomNs,
      "@xml:lang": "ja",
      id: `${base}/feeds/status.atom`,
      title: `${say("ja", "feedTitle")} / ${say("en", "feedTitle")}`,
      updated: updated.toISOString(),
      author: { name: `${glossary.city.ja} / ${glossary.city.en}` },
      link: [
        { "@rel": "self", "@type": "application/atom+xml", "@href": `${base}/feeds/status.atom` },
        { "@rel": "alternate", "@type": "application/json", "@href": `${base}/api/v1/status` },
      ],
      entry: changes.map(entry),
    },
  });
}

/** Atom 1.0 of the latest changes and the newest CAP 1.2 message, each serialized once per change. */
export function feedRoutes(app: FastifyInstance, live: LiveStatus, options: FeedOptions) {
  const cache = new Map<string, { version: number; text: string }>();
  const once = (name: string, version: number, build: () => string) => {
    const hit = cache.get(name);
    if (hit?.version === version) return hit.text;
    const text = build();
    cache.set(name, { version, text });
    return text;
  };

  serve(app, feedApi.atom, async ({ reply }) => {
    const feed = readChanges(live);
    const text = once("atom", feed.version, () => atomFeed(feed.changes, feed.updated, options.publicBaseUrl));
    return reply.type("application/atom+xml; charset=utf-8").header("cache-control", "public, max-age=5").send(text);
  });

  const cap = (id?: string) => {
    const alert = readAlert(live, id);
    const web = `${options.publicBaseUrl}/feeds/cap/${alert.message.id}.xml`;
    return once(`cap ${alert.message.id}`, alert.version, () =>
      xml(capDocument(alert.message, options.capSender, alert.shelters, web, alert.closed) as never),
    );
  };
  const sendCap = (reply: FastifyReply, text: string) =>
    reply.type("application/cap+xml; charset=utf-8").header("cache-control", "public, max-age=5").send(text);

  serve(app, feedApi.cap, async ({ reply }) => sendCap(reply, cap()));

  // Every message stays at its own URL (its <web>), as it read when a newer one replaced it.
  serve(app, feedApi.capMessage, async ({ reply, params }) => {
    const id = /^([\w-]{1,64})\.xml$/.exec(params.id)?.[1];
    if (!id) throw errors.capMessageNotFound(params.id.slice(0, 64));
    return sendCap(reply, cap(id));
  });
}
