import { AppError } from "@crisis/platform/contracts";

/** The notify service's error catalogue: stable codes, statuses, messages naming the field. */
export const errors = {
  endpointNotAllowed: (endpoint: string) =>
    new AppError(
      "PUSH_ENDPOINT_NOT_ALLOWED",
      422,
      `subscription.endpoint "${endpoint}" is not an https URL of an allowed push service`,
      "subscription.endpoint",
    ),
  p256dhInvalid: () =>
    new AppError(
      "PUSH_KEY_INVALID",
      422,
      "subscription.keys.p256dh must be an uncompressed P-256 public key (65 bytes, base64url)",
      "subscription.keys.p256dh",
    ),
  authInvalid: () =>
    new AppError("PUSH_AUTH_INVALID", 422, "subscription.keys.auth must be a 16-byte secret (base64url)", "subscription.keys.auth"),
  topicsEmpty: () => new AppError("TOPICS_EMPTY", 422, "topics must name at least one topic", "topics"),
  topicInvalid: (index: number, topic: string, why: string) =>
    new AppError("TOPIC_INVALID", 422, `topics[${index}] "${topic}": ${why}`, `topics[${index}]`),
  langInvalid: (lang: string) => new AppError("LANG_INVALID", 422, `lang "${lang}" must be ja or en`, "lang"),
  alertNotFound: (id: string) => new AppError("ALERT_NOT_FOUND", 404, `alert "${id}" does not exist`, "id"),
  subscriptionNotFound: (id: string) => new AppError("SUBSCRIPTION_NOT_FOUND", 404, `subscription "${id}" does not exist`, "id"),
  unsubscribeTokenInvalid: () =>
    new AppError("UNSUBSCRIBE_TOKEN_INVALID", 403, "X-Unsubscribe-Token does not match this subscription", "X-Unsubscribe-Token"),
};
