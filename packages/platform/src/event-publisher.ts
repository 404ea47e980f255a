import { EventType } from "./contracts/subjects";

/** The ids every published event carries: its own (for de-duplication) and the request's it came from. */
export interface EventIds {
  eventId: string;
  correlationId: string;
}

/**
 * Where a use case's events go: one port for every event type, so a new event needs no new method.
 * The payload is typed by the event type's codec alone (NoInfer): a wrong payload does not compile.
 */
export interface EventPublisher {
  publish<T>(type: EventType<T>, event: NoInfer<T>, ids: EventIds): Promise<void>;
}
