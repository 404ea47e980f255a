import { FastifyInstance } from "fastify";
import { DeadLetterShelf } from "../app/ports";
import { readDeadLetters } from "../app/read-dead-letters";
import { declareRoute, serve } from "../../../adapters/http/declared-routes";
import { recordAnswers } from "./schemas";

export const deadLetterApi = {
  list: declareRoute({
    method: "GET",
    url: "/api/v1/dead-letters",
    summary: "Events a consumer gave up on: how many wait, per consumer, and why (newest first); `npm run redrive` re-drives them",
    roles: ["manager"],
    responses: { 200: "how many wait, per consumer, and each letter" },
    answers: { 200: recordAnswers.deadLetters },
  }),
};

/** For managers (the console's panel): events a consumer gave up on, re-driven with `npm run redrive` after the fix. */
export function deadLetterRoutes(app: FastifyInstance, shelf: DeadLetterShelf) {
  serve(app, deadLetterApi.list, async () => readDeadLetters(shelf));
}
