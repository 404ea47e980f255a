import { randomBytes } from "node:crypto";
import { Clock } from "@crisis/platform/ports";
import { OriginRule } from "../domain/push-origins";
import { SubscriptionRequest, hashToken, validateSubscription } from "../domain/subscription";
import { SubscriptionStore } from "./ports";

export interface CreateSubscriptionDeps {
  store: SubscriptionStore;
  origins: OriginRule[];
  clock: Clock;
  newToken?: () => string;
}

/** Validates and stores a browser's push subscription; the token it returns is the only way to remove it. */
export async function createSubscription(deps: CreateSubscriptionDeps, request: SubscriptionRequest) {
  const valid = validateSubscription(request, deps.origins);
  const unsubscribeToken = (deps.newToken ?? (() => randomBytes(24).toString("base64url")))();
  await deps.store.put({ ...valid, tokenHash: hashToken(unsubscribeToken), createdAt: deps.clock.now().toISOString() });
  return { id: valid.id, unsubscribeToken };
}
