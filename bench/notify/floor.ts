import { createECDH } from "node:crypto";
import { Pool } from "undici";

/**
 * What this machine can do at best, measured in the same run as notify: the same requests with
 * no encryption, no queue and no bookkeeping (one undici pool, 429s retried after a second like
 * notify does), and the P-256 ECDH that RFC 8291 needs for every push (a fresh key pair, one
 * shared secret), which no sender can skip.
 */
export async function bareHttpsSeconds(
  origin: string,
  paths: string[],
  bodyBytes: number,
  concurrency: number,
  ca: string,
): Promise<number> {
  const pool = new Pool(origin, { connections: concurrency, pipelining: 1, connect: { ca } });
  const body = Buffer.alloc(bodyBytes, 1);
  const start = Date.now();
  let next = 0;
  const sender = async () => {
    for (let i = next++; i < paths.length; i = next++) {
      for (;;) {
        const answer = await pool.request({
          method: "POST",
          path: paths[i],
          headers: { "content-encoding": "aes128gcm", ttl: "60" },
          body,
        });
        await answer.body.text();
        if (answer.statusCode !== 429) break;
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, sender));
  await pool.close();
  return (Date.now() - start) / 1000;
}

/** Microseconds of P-256 work per push: a fresh key pair and one shared secret. */
export function ecdhMicrosPerPush(samples = 2000): number {
  const peer = createECDH("prime256v1").generateKeys();
  const start = process.hrtime.bigint();
  for (let i = 0; i < samples; i++) {
    const ecdh = createECDH("prime256v1");
    ecdh.generateKeys();
    ecdh.computeSecret(peer);
  }
  return Number(process.hrtime.bigint() - start) / samples / 1000;
}
