import { FastifyInstance } from "fastify";
import { createSubscription } from "../app/create-subscription";
import { deleteSubscription } from "../app/delete-subscription";
import { FacilitiesAdmin } from "../../../app/ports";
import { PushSubscriptions } from "../app/ports";
import { checkCounterTopics } from "../app/check-counter-topics";
import { errors } from "../../../domain/errors";
import { readPushPublicKey } from "../app/read-push-public-key";
import { noteChange } from "../../../adapters/http/audit";
import { declareRoute, serve } from "../../../adapters/http/declared-routes";
import { alertAnswers, subscriptionBody } from "./schemas";

export const subscriptionApi = {
  publicKey: declareRoute({
    method: "GET",
    url: "/api/v1/push/public-key",
    summary: "The VAPID public key for pushManager.subscribe()",
    responses: { 200: "the key" },
    answers: { 200: alertAnswers.publicKey },
  }),
  subscribe: declareRoute({
    method: "POST",
    url: "/api/v1/subscriptions",
    summary:
      "Subscribe a browser to alerts on its topics (also waiting:<service>:<N>, fewer than N waiting at that counter, and reopening:<service>)",
    body: subscriptionBody,
    responses: { 201: "{id, unsubscribeToken}" },
    problems: { 422: "TOPIC_INVALID (e.g. N not a whole number from 1 to 999) or TOPIC_SERVICE_NOT_FOUND, naming topics[i]" },
    answers: { 201: alertAnswers.subscribed },
  }),
  unsubscribe: declareRoute({
    method: "DELETE",
    url: "/api/v1/subscriptions/:id",
    summary: "Unsubscribe (X-Unsubscribe-Token)",
    responses: { 204: "purged" },
    problems: { 400: "HEADER_MISSING", 403: "wrong token", 404: "no such subscription" },
  }),
};

export function subscriptionRoutes(app: FastifyInstance, subscriptions: PushSubscriptions, facilities: FacilitiesAdmin) {
  serve(app, subscriptionApi.publicKey, async ({ request }) => readPushPublicKey(subscriptions, request.id));

  serve(app, subscriptionApi.subscribe, async ({ request, reply, body }) => {
    await checkCounterTopics(facilities, body.topics, request.id);
    const created = await createSubscription(subscriptions, body, request.id);
    noteChange(request, { kind: "subscription.created", what: JSON.stringify({ id: created.id, topics: body.topics, lang: body.lang }) });
    return reply.code(201).send(created);
  });

  serve(app, subscriptionApi.unsubscribe, async ({ request, reply, params }) => {
    // Ids are base64url keys: anything else names no subscription (and must not reach the store as a key).
    if (!/^[A-Za-z0-9_-]{1,128}$/.test(params.id)) throw errors.subscriptionNotFound();
    const token = request.headers["x-unsubscribe-token"];
    await deleteSubscription(subscriptions, params.id, typeof token === "string" ? token : undefined, request.id);
    noteChange(request, { kind: "subscription.deleted", what: JSON.stringify({ id: params.id }) });
    return reply.code(204).send();
  });
}
