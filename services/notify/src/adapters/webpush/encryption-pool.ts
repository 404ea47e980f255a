import * as nodeCrypto from "node:crypto";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { encryptAes128gcm } from "./aes128gcm";

export interface EncryptionJob {
  payload: string;
  p256dh: string;
  auth: string;
}

export interface Encryptor {
  encrypt(jobs: EncryptionJob[]): Promise<Buffer[]>;
  stop(): Promise<void>;
}

// The worker runs the same function as the main thread would, from its source text.
const workerSource = `
const crypto = require("node:crypto");
const { parentPort } = require("node:worker_threads");
const encryptAes128gcm = ${encryptAes128gcm.toString()};
parentPort.on("message", ({ id, payloads, jobs }) => {
  try {
    const plaintexts = payloads.map((p) => Buffer.from(p, "utf8"));
    const bodies = jobs.map((j) =>
      encryptAes128gcm(crypto, plaintexts[j.payload], Buffer.from(j.p256dh, "base64url"), Buffer.from(j.auth, "base64url")));
    parentPort.postMessage({ id, bodies }, bodies.map((b) => b.buffer));
  } catch (err) {
    parentPort.postMessage({ id, error: err.message });
  }
});
`;

/** Encryption in this thread: for tests and for a machine with one core. */
export const inlineEncryptor: Encryptor = {
  async encrypt(jobs) {
    return jobs.map((j) =>
      encryptAes128gcm(nodeCrypto, Buffer.from(j.payload), Buffer.from(j.p256dh, "base64url"), Buffer.from(j.auth, "base64url")),
    );
  },
  async stop() {},
};

/**
 * Encryption on worker threads, one per core: a fan-out is mostly ECDH, and the main thread
 * has the connections and NATS to look after. Jobs go to the least busy worker.
 */
export function workerEncryptor(workers = availableParallelism()): Encryptor {
  const pool = Array.from({ length: workers }, () => {
    const worker = new Worker(workerSource, { eval: true });
    worker.unref();
    const waiting = new Map<number, { resolve: (b: Buffer[]) => void; reject: (e: Error) => void; size: number }>();
    const slot = { worker, waiting, load: 0 };
    worker.on("message", (answer: { id: number; bodies?: Uint8Array[]; error?: string }) => {
      const pending = waiting.get(answer.id);
      if (!pending) return;
      waiting.delete(answer.id);
      slot.load -= pending.size;
      if (answer.error || !answer.bodies) pending.reject(new Error(answer.error ?? "no bodies"));
      else pending.resolve(answer.bodies.map((b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength)));
    });
    worker.on("error", (err) => {
      for (const pending of waiting.values()) pending.reject(err);
      waiting.clear();
    });
    return slot;
  });
  let nextId = 0;
  return {
    encrypt(jobs) {
      const slot = pool.reduce((a, b) => (b.load < a.load ? b : a));
      const id = nextId++;
      slot.load += jobs.length;
      // Pushes of one alert mostly share a few payloads: each goes to the worker once per message, not once per push.
      const payloads: string[] = [];
      const indexOf = new Map<string, number>();
      const refs = jobs.map((j) => {
        let payload = indexOf.get(j.payload);
        if (payload === undefined) indexOf.set(j.payload, (payload = payloads.push(j.payload) - 1));
        return { payload, p256dh: j.p256dh, auth: j.auth };
      });
      return new Promise((resolve, reject) => {
        slot.waiting.set(id, { resolve, reject, size: jobs.length });
        slot.worker.postMessage({ id, payloads, jobs: refs });
      });
    },
    async stop() {
      await Promise.all(pool.map((s) => s.worker.terminate()));
    },
  };
}
