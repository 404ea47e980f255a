import { createHash } from "node:crypto";

/** 0.5 % of subscriptions, always the same ones, are gone at the simulated push service (410). */
export const isGone = (path: string) => createHash("sha1").update(path).digest().readUInt32BE(0) % 200 === 0;
