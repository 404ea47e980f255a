export * from "./nats-server";
export * from "./push-crypto";
export * from "./push-service";
export * from "./tls";
export * from "./ports";
export * from "./nats-cluster";
export * from "./suite";
