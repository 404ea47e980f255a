import { AppError, MessageKey } from "@crisis/platform/contracts";

/** The gateway's error catalogue: stable codes, statuses, messages naming the field. */
export const errors = {
  bodyInvalid: (field: string, problem: string) => new AppError("BODY_INVALID", 422, `${field}: ${problem}`, field),
  queryInvalid: (field: string, problem: string) => new AppError("QUERY_INVALID", 422, `${field}: ${problem}`, field),
  bodyNotJson: () => new AppError("BODY_NOT_JSON", 400, "the request body must be JSON (Content-Type: application/json)", "body"),
  bodyTooLarge: () => new AppError("BODY_TOO_LARGE", 413, "the request body is larger than this endpoint accepts", "body"),
  spellingsDiffer: (field: string, old: string) =>
    new AppError(
      "SPELLINGS_DIFFER",
      400,
      `${field} and its old spelling ${old} are both given, with different values; send ${field} only`,
      field,
    ),
  headerMissing: (header: string) => new AppError("HEADER_MISSING", 400, `header ${header} is required`, header),
  authRequired: () => new AppError("AUTH_REQUIRED", 401, "Authorization: Bearer <token> is required", "Authorization"),
  authInvalid: (why: string) => new AppError("AUTH_INVALID", 401, `the bearer token is not valid: ${why}`, "Authorization"),
  identityProviderUnavailable: () =>
    new AppError(
      "IDENTITY_PROVIDER_UNAVAILABLE",
      503,
      "the identity provider's signing keys could not be fetched; try again",
      "Authorization",
    ),
  signInFailed: (why: string) => new AppError("SIGN_IN_FAILED", 400, `signing in did not complete: ${why}; sign in again`, "code"),
  crossOriginWrite: () =>
    new AppError(
      "CROSS_ORIGIN_WRITE",
      403,
      "a change made with the sign-in cookie must come from this site's own pages (Origin / Sec-Fetch-Site)",
      "Origin",
    ),
  notOnPost: (id: string) =>
    new AppError(
      "NOT_ON_POST",
      403,
      `only staff on a post at shelter "${id}" now, or a manager, may report its occupancy`,
      "Authorization",
    ),
  counterNotFound: (id: string) =>
    new AppError(
      "COUNTER_NOT_FOUND",
      404,
      `counter "${id}" is not a counter id (service.office, e.g. juminhyo.city_4310010001)`,
      "counter",
    ),
  notAtDesk: (id: string) =>
    new AppError(
      "NOT_ON_POST",
      403,
      `only staff on a post at a counter of "${id}" now, or a facility_admin, may work its desk`,
      "Authorization",
    ),
  notOnCounter: (id: string) =>
    new AppError(
      "NOT_ON_POST",
      403,
      `only staff on a post at a counter of "${id}" now, a facility_admin or a manager may report its waiting figure`,
      "Authorization",
    ),
  roleForbidden: (role: string) => new AppError("ROLE_FORBIDDEN", 403, `this needs the role "${role}"`, "Authorization"),
  modeUnchanged: () =>
    new AppError("MODE_UNCHANGED", 409, "the city is already in this mode (same incident, level and wards); nothing was declared", "level"),
  modeConflict: () =>
    new AppError(
      "MODE_CONFLICT",
      409,
      "another manager changed the mode at the same time; read the current mode and declare again",
      "level",
    ),
  pendingNotFound: (id: string) =>
    new AppError("PENDING_NOT_FOUND", 404, `no declaration awaiting approval has the id ${JSON.stringify(id)}`, "id"),
  pendingExpired: (expiresAt: string) =>
    new AppError("PENDING_EXPIRED", 410, `this declaration waited for approval until ${expiresAt} and lapsed; declare again`, "id"),
  pendingClosed: (closed: { as: "rejected" | "withdrawn"; by: string; reason: string }) =>
    new AppError(
      "PENDING_CLOSED",
      409,
      `this declaration was ${closed.as} by ${closed.by}${closed.reason ? ` (${closed.reason})` : ""}; it can no longer be approved or closed; declare again`,
      "id",
    ),
  rejecterIsDeclarer: () =>
    new AppError(
      "REJECTER_IS_DECLARER",
      403,
      "a declarer withdraws their own declaration (POST /api/v1/mode/pending/{id}/withdraw); rejecting is for a second person",
      "Authorization",
    ),
  notTheDeclarer: (declaredBy: string) =>
    new AppError("NOT_THE_DECLARER", 403, `only the declarer (${declaredBy}) may withdraw this declaration`, "Authorization"),
  approverIsDeclarer: () =>
    new AppError(
      "APPROVER_IS_DECLARER",
      403,
      "a second person must approve: the declarer cannot approve their own declaration",
      "Authorization",
    ),
  modeMovedOn: () =>
    new AppError(
      "MODE_CONFLICT",
      409,
      "the mode changed since this declaration was requested, so its preview no longer holds; declare again",
      "id",
    ),
  idempotencyKeyInvalid: () =>
    new AppError("IDEMPOTENCY_KEY_INVALID", 400, "Idempotency-Key must be 1–255 visible ASCII characters", "Idempotency-Key"),
  idempotencyKeyReused: () =>
    new AppError(
      "IDEMPOTENCY_KEY_REUSED",
      422,
      "this Idempotency-Key was already used for a different request body; use a new key for a new request",
      "Idempotency-Key",
    ),
  idempotencyKeyInFlight: () =>
    new AppError(
      "IDEMPOTENCY_KEY_IN_FLIGHT",
      409,
      "the first request with this Idempotency-Key is still running; retry in a moment for its answer",
      "Idempotency-Key",
    ),
  backboneUnavailable: () =>
    new AppError(
      "BACKBONE_UNAVAILABLE",
      503,
      "the event store did not answer in time (a node may be failing over); try again — a declaration that did land meanwhile is answered 409 MODE_UNCHANGED",
    ),
  statusWarmingUp: () =>
    new AppError(
      "STATUS_WARMING_UP",
      503,
      "the status is still being read from the event streams and the facility registry; try again shortly",
    ),
  tooManyStreams: (max: number) =>
    new AppError("TOO_MANY_STREAMS", 503, `this instance already serves ${max} event streams; try again shortly or use another instance`),
  noAlert: () => new AppError("NO_ALERT", 404, "no CAP alert has been issued: the city has not declared a mode"),
  capMessageNotFound: (id: string) =>
    new AppError("CAP_MESSAGE_NOT_FOUND", 404, `no CAP message "${id}": its URL is the <web> of the message`, "id"),
  rateLimited: (retryAfterSeconds: number) => new AppError("RATE_LIMITED", 429, `too many requests; try again in ${retryAfterSeconds} s`),
  lastEventIdInvalid: () =>
    new AppError(
      "LAST_EVENT_ID_INVALID",
      400,
      "Last-Event-ID must be an id this stream sent (three sequences: 12-3480-7)",
      "Last-Event-ID",
    ),
  serviceNotFound: (id: string) => new AppError("SERVICE_NOT_FOUND", 404, `no counter service has the id ${JSON.stringify(id)}`, "id"),
  topicServiceNotFound: (index: number, id: string) =>
    new AppError(
      "TOPIC_SERVICE_NOT_FOUND",
      422,
      `topics[${index}]: no counter service has the id ${JSON.stringify(id)}`,
      `topics[${index}]`,
    ),
  subscriptionNotFound: () => new AppError("SUBSCRIPTION_NOT_FOUND", 404, "no such subscription", "id"),
  auditCatchingUp: () =>
    new AppError("AUDIT_CATCHING_UP", 503, "the audit trail is still being read from the event stream; try again shortly"),
  pdfUnavailable: (why: string) =>
    new AppError(
      "PDF_UNAVAILABLE",
      503,
      `this gateway cannot print to PDF: ${why}; ask for format=html and print it from the browser`,
      "format",
    ),
  routeNotFound: (path: string) => new AppError("ROUTE_NOT_FOUND", 404, `no such endpoint: ${path}`),
};

const sentenceFor = (key: MessageKey, codes: string[]) => codes.map((code) => [code, key] as const);

/**
 * The sentence a person reads for each refusal they can meet (the problem's `detail`, in their
 * language, from the catalogue); the other codes, which only staff tools and API clients meet, keep
 * their English message. Codes of the services behind the gateway are listed too: they arrive as they are.
 */
export const problemSentences: Readonly<Record<string, MessageKey>> = Object.fromEntries([
  ...sentenceFor("problemInvalid", [
    "BODY_INVALID",
    "QUERY_INVALID",
    "BODY_NOT_JSON",
    "HEADER_MISSING",
    "SPELLINGS_DIFFER",
    "REQUEST_INVALID",
    "IDEMPOTENCY_KEY_INVALID",
    "LAST_EVENT_ID_INVALID",
    "CURSOR_INVALID",
    "LANG_INVALID",
    "TOPIC_INVALID",
    "PUSH_AUTH_INVALID",
    "DATE_INVALID",
    "TIME_INVALID",
  ]),
  ...sentenceFor("chooseTopic", ["TOPICS_EMPTY"]),
  ...sentenceFor("problemTooLarge", ["BODY_TOO_LARGE"]),
  ...sentenceFor("problemSignInNeeded", ["AUTH_REQUIRED", "AUTH_INVALID", "SIGN_IN_FAILED"]),
  ...sentenceFor("problemForbidden", ["ROLE_FORBIDDEN", "CROSS_ORIGIN_WRITE", "NOT_ON_POST", "UNSUBSCRIBE_TOKEN_INVALID"]),
  ...sentenceFor("problemNotFound", [
    "ROUTE_NOT_FOUND",
    "SUBSCRIPTION_NOT_FOUND",
    "SERVICE_NOT_FOUND",
    "COUNTER_NOT_FOUND",
    "CHANNEL_NOT_OFFERED",
    "FACILITY_NOT_FOUND",
    "TICKET_NOT_FOUND",
    "BOOKING_NOT_FOUND",
    "SLOT_NOT_FOUND",
    "CAP_MESSAGE_NOT_FOUND",
  ]),
  ...sentenceFor("problemBusy", ["RATE_LIMITED", "QUEUE_BUSY", "BOOKING_BUSY", "TOO_MANY_STREAMS", "IDEMPOTENCY_KEY_IN_FLIGHT"]),
  ...sentenceFor("problemUnavailable", [
    "BACKBONE_UNAVAILABLE",
    "STATUS_WARMING_UP",
    "UPSTREAM_UNAVAILABLE",
    "UPSTREAM_FAILED",
    "IDENTITY_PROVIDER_UNAVAILABLE",
    "AUDIT_CATCHING_UP",
  ]),
  ...sentenceFor("problemInternal", ["INTERNAL"]),
  ...sentenceFor("problemCounterSuspended", ["COUNTER_SUSPENDED"]),
  ...sentenceFor("problemSlotFull", ["SLOT_FULL"]),
  ...sentenceFor("problemSlotInPast", ["SLOT_IN_PAST"]),
]);
