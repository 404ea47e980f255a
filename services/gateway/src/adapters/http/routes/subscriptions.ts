import { FastifyInstance } from "fastify";
import { createSubscription } from "../../../app/create-subscription";
import { deleteSubscription } from "../../../app/delete-subscription";
import { FacilitiesAdmin, PushSubscriptions } from "../../../app/ports";
import { checkCounterTopics } from "../../../app/read-services";
import { errors } from "../../../domain/errors";
import { readPushPublicKey } from "../../../app/read-push-public-key";
import { noteChange } from "../audit";
import { parseBody, subscriptionBody } from "../schemas";

export function subscriptionRoutes(app: FastifyInstance, subscriptions: PushSubscriptions, facilities: FacilitiesAdmin) {
  app.get("/api/v1/push/public-key", async (request) => readPushPublicKey(subscriptions, request.id));

  app.post("/api/v1/subscriptions", async (request, reply) => {
    const body = parseBody(subscriptionBody, request.body);
    await checkCounterTopics(facilities, body.topics, request.id);
    const created = await createSubscription(subscriptions, body, request.id);
    noteChange(request, { kind: "subscription.created", what: JSON.stringify({ id: created.id, topics: body.topics, lang: body.lang }) });
    return reply.code(201).send(created);
  });

  app.delete<{ Params: { id: string } }>("/api/v1/subscriptions/:id", async (request, reply) => {
    // Ids are base64url keys: anything else names no subscription (and must not reach the store as a key).
    if (!/^[A-Za-z0-9_-]{1,128}$/.test(request.params.id)) throw errors.subscriptionNotFound();
    const token = request.headers["x-unsubscribe-token"];
    await deleteSubscription(subscriptions, request.params.id, typeof token === "string" ? token : undefined, request.id);
    noteChange(request, { kind: "subscription.deleted", what: JSON.stringify({ id: request.params.id }) });
    return reply.code(204).send();
  });
}
