import { createHash } from "node:crypto";
import { ResidentLang, isResidentLang } from "@crisis/platform/contracts";
import { errors } from "./errors";
import { isUncompressedP256Point } from "./p256";
import { OriginRule, isAllowedEndpoint } from "./push-origins";
import { parseTopic } from "./topics";

export interface SubscriptionRequest {
  endpoint: string;
  p256dh: string;
  auth: string;
  topics: string[];
  lang: string;
}

/** A stored push subscription. The unsubscribe token itself is never stored, only its hash. */
export interface Subscription {
  id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  topics: string[];
  lang: ResidentLang;
  tokenHash: string;
  createdAt: string;
}

const base64url = /^[A-Za-z0-9_-]+={0,2}$/;
const decode = (value: string) => (base64url.test(value) ? Buffer.from(value, "base64url") : Buffer.alloc(0));

/** One browser, one subscription: the id is derived from the endpoint, so subscribing again updates it. */
export const subscriptionIdFor = (endpoint: string) => createHash("sha256").update(endpoint).digest("base64url").slice(0, 22);

/** What subscriptionIdFor gives: 22 base64url characters. */
export const isSubscriptionId = (id: string) => /^[A-Za-z0-9_-]{22}$/.test(id);

export const hashToken = (token: string) => createHash("sha256").update(token).digest("base64url");

export function validateSubscription(request: SubscriptionRequest, origins: OriginRule[]): Omit<Subscription, "tokenHash" | "createdAt"> {
  if (!isAllowedEndpoint(request.endpoint, origins)) throw errors.endpointNotAllowed(request.endpoint);
  if (!isUncompressedP256Point(decode(request.p256dh))) throw errors.p256dhInvalid();
  if (decode(request.auth).length !== 16) throw errors.authInvalid();
  if (request.topics.length === 0) throw errors.topicsEmpty();
  request.topics.forEach((t, i) => parseTopic(t, i));
  const lang = request.lang || "ja";
  if (!isResidentLang(lang)) throw errors.langInvalid(lang);
  return {
    id: subscriptionIdFor(request.endpoint),
    endpoint: request.endpoint,
    p256dh: request.p256dh,
    auth: request.auth,
    topics: [...new Set(request.topics)],
    lang,
  };
}
