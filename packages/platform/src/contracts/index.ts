/**
 * The contracts, with no I/O behind them: domain code imports from here (and generated
 * messages from `@crisis/platform/contracts/<proto file>`), never from the platform's barrel,
 * which loads nats, grpc-js and pino.
 */
export * from "./vocabulary";
export * from "./facility-state";
export * from "./subjects";
export * from "./app-error";
export * from "./distance";
export * from "./hysteresis";
export * from "./city-time";
export * from "./spreadsheet-csv";
export * from "./gen/crisis/v1/common";
export * from "./messages";
export * from "./guidance";
