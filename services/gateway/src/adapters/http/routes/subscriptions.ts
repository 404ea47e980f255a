import { FastifyInstance } from "fastify";
import { createSubscription } from "../../../app/create-subscription";
import { deleteSubscription } from "../../../app/delete-subscription";
import { PushSubscriptions } from "../../../app/ports";
import { readPushPublicKey } from "../../../app/read-push-public-key";
import { parseBody, subscriptionBody } from "../schemas";

export function subscriptionRoutes(app: FastifyInstance, subscriptions: PushSubscriptions) {
  app.get("/api/v1/push/public-key", async (request) => readPushPublicKey(subscriptions, request.id));

  app.post("/api/v1/subscriptions", async (request, reply) => {
    const created = await createSubscription(subscriptions, parseBody(subscriptionBody, request.body), request.id);
    return reply.code(201).send(created);
  });

  app.delete<{ Params: { id: string } }>("/api/v1/subscriptions/:id", async (request, reply) => {
    const token = request.headers["x-unsubscribe-token"];
    await deleteSubscription(subscriptions, request.params.id, typeof token === "string" ? token : undefined, request.id);
    return reply.code(204).send();
  });
}
