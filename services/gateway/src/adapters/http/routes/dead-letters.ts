import { FastifyInstance } from "fastify";
import { DeadLetterShelf } from "../../../app/ports";
import { readDeadLetters } from "../../../app/read-dead-letters";
import { Authenticate } from "../declared-routes";

/** For managers (the console's panel): events a consumer gave up on, re-driven with `npm run redrive` after the fix. */
export function deadLetterRoutes(app: FastifyInstance, shelf: DeadLetterShelf, authenticate: Authenticate) {
  app.get("/api/v1/dead-letters", async (request) => {
    await authenticate(request, "manager");
    return readDeadLetters(shelf);
  });
}
