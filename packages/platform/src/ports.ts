/**
 * What use cases (`app/`) need from the platform, with no I/O behind it: the clock, the logger's
 * type, ids, the port events are published through, errors and the test kill points. The barrel
 * `@crisis/platform` loads nats, grpc-js, mongodb and pino; only main.ts and adapters import it.
 */
export type { Clock } from "./clock";
export type { Logger } from "pino";
export type { IdSource } from "./ids";
export type { DeadLetter } from "./jetstream/dead-letters";
export type { EventIds, EventPublisher } from "./event-publisher";
export { AppError } from "./contracts/app-error";
export { killPoint } from "./kill-point";
