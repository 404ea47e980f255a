/**
 * The simulated push service of the notify benchmark, in its own process so that its work is not
 * counted against notify's cores' share in the same process: HTTPS with keep-alive, an answer
 * after about 20 ms, 0.5 % of requests answered 429 with Retry-After, and 0.5 % of subscriptions
 * gone (410, always the same ones). It reports to its parent over IPC.
 */
import { createServer } from "node:https";
import { AddressInfo } from "node:net";
import { isGone } from "./gone";

const answerMs = 20;
const send = (message: unknown) => process.send?.(message);

let stats = { accepted: 0, gone: 0, tooMany: 0, lastAcceptedAt: 0 };
let requests = 0;

const server = createServer({ key: process.env.BENCH_TLS_KEY, cert: process.env.BENCH_TLS_CERT, keepAlive: true }, (req, res) => {
  req.resume();
  req.on("end", () => {
    const n = ++requests;
    setTimeout(() => {
      if (isGone(req.url ?? "")) {
        stats.gone++;
        res.writeHead(410).end();
      } else if (n % 200 === 0) {
        stats.tooMany++;
        res.writeHead(429, { "retry-after": "1" }).end();
      } else {
        stats.accepted++;
        stats.lastAcceptedAt = Date.now();
        res.writeHead(201).end();
      }
    }, answerMs);
  });
});
server.keepAliveTimeout = 60_000;

process.on("message", (message: string) => {
  if (message === "stats") send({ stats });
  if (message === "reset") stats = { accepted: 0, gone: 0, tooMany: 0, lastAcceptedAt: 0 };
  if (message === "stop") process.exit(0);
});

server.listen(0, "127.0.0.1", () => send({ port: (server.address() as AddressInfo).port }));
