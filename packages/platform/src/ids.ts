import { randomUUID } from "node:crypto";

/** Header names that carry the event contract over NATS, gRPC and HTTP. */
export const headerNames = {
  correlationId: "x-correlation-id",
  eventType: "Crisis-Event-Type",
  eventCorrelationId: "Crisis-Correlation-Id",
} as const;

export type IdSource = () => string;

export const newId: IdSource = () => randomUUID();
