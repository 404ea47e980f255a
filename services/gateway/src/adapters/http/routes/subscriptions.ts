import { FastifyInstance } from "fastify";
import { errors } from "../../../domain/errors";
import { ServiceClients } from "../../grpc/clients";
import { parseBody, subscriptionBody } from "../schemas";

export function subscriptionRoutes(app: FastifyInstance, services: ServiceClients) {
  app.get("/api/v1/push/public-key", async (request) => ({ publicKey: await services.pushPublicKey(request.id) }));

  app.post("/api/v1/subscriptions", async (request, reply) => {
    const body = parseBody(subscriptionBody, request.body);
    const created = await services.createSubscription(
      {
        subscription: { endpoint: body.subscription.endpoint, p256dh: body.subscription.keys.p256dh, auth: body.subscription.keys.auth },
        topics: body.topics,
        lang: body.lang,
      },
      request.id,
    );
    return reply.code(201).send({ id: created.id, unsubscribeToken: created.unsubscribeToken });
  });

  app.delete<{ Params: { id: string } }>("/api/v1/subscriptions/:id", async (request, reply) => {
    // Ids are base64url keys: anything else names no subscription (and must not reach the store as a key).
    if (!/^[A-Za-z0-9_-]{1,128}$/.test(request.params.id)) throw errors.subscriptionNotFound();
    const token = request.headers["x-unsubscribe-token"];
    if (typeof token !== "string" || token === "") throw errors.headerMissing("X-Unsubscribe-Token");
    await services.deleteSubscription(request.params.id, token, request.id);
    return reply.code(204).send();
  });
}
