/**
 * GET /api/v1/status on the full Kumamoto status (every shelter open, libraries closed, as after
 * the 2026 earthquake) against a bare Node http server sending the same bytes, with the same
 * client (autocannon) in the same run; then the time from POST /api/v1/mode to the SSE event at
 * each of 10,000 connected clients, over 100 switches. The gateway and facilities run as their
 * real processes on a real nats-server; the bench process is only the client.
 */
import { ChildProcess, spawn } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { childExited, waitUntil } from "@crisis/platform";
import { freePort, startNatsServer } from "@crisis/platform/testing";
import { privateKeyFrom, signToken } from "../../services/gateway/src/adapters/auth/tokens";
import { printFigures } from "../print";

const root = join(__dirname, "..", "..");
/** As the image runs them (one process each; tsx's own CLI would add a parent process). */
const node = [process.execPath, "--import", "tsx"] as const;
const SSE_CLIENTS = Number(process.env.BENCH_SSE_CLIENTS ?? 10_000);
const SWITCHES = 100;
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = 50;

const children: ChildProcess[] = [];
function start(what: string, args: string[], env: Record<string, string> = {}): ChildProcess {
  const child = spawn(node[0], [...node.slice(1), ...args], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  child.on("exit", (code, signal) => {
    if (!stopping) console.error(`${what} exited (${code ?? signal})`);
  });
  children.push(child);
  return child;
}
let stopping = false;

const ok = (url: string) =>
  new Promise<boolean>((resolve) => {
    request(url, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    })
      .on("error", () => resolve(false))
      .end();
  });

async function getBody(url: string): Promise<Buffer> {
  const res = await fetch(url);
  return Buffer.from(await res.arrayBuffer());
}

const ROUNDS = 5;

/** CPU seconds (user + system) a process has used so far, from /proc (clock ticks of 10 ms). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * Both servers in alternating short rounds, so that the load other processes put on the machine
 * meanwhile falls on both alike; requests/s is the total over all rounds. The CPU each server
 * used per request is noted too: on a machine shared with other work it says more than the rate.
 */
async function loadBoth(bare: { url: string; pid: number }, ours: { url: string; pid: number }) {
  const runs = { bare: [] as autocannon.Result[], ours: [] as autocannon.Result[] };
  const cpu = { bare: 0, ours: 0 };
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, server] of [
      ["bare", bare],
      ["ours", ours],
    ] as const) {
      const before = cpuSeconds(server.pid);
      runs[name].push(await autocannon({ url: server.url, connections: CONNECTIONS, duration: DURATION_S / ROUNDS, pipelining: 1 }));
      cpu[name] += cpuSeconds(server.pid) - before;
    }
  }
  const sum = (results: autocannon.Result[], cpuSpent: number) => {
    const requests = results.reduce((n, r) => n + r.requests.total, 0);
    const seconds = results.reduce((n, r) => n + r.duration, 0);
    const p50 = results.map((r) => r.latency.p50).sort((a, b) => a - b)[Math.floor(results.length / 2)];
    const p99 = Math.max(...results.map((r) => r.latency.p99));
    return {
      rps: requests / seconds,
      p50,
      p99,
      non2xx: results.reduce((n, r) => n + r.non2xx, 0),
      cpuMsPerRequest: (1000 * cpuSpent) / requests,
    };
  };
  return { bareRun: sum(runs.bare, cpu.bare), oursRun: sum(runs.ours, cpu.ours) };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

export async function run(): Promise<void> {
  const nats = await startNatsServer();
  const [gatewayPort, grpcPort, healthPort, barePort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  const jwk = generateKeyPairSync("ed25519").privateKey.export({ format: "jwk" });
  const common = { NATS_URL: nats.url, BIND_HOST: "127.0.0.1" };
  try {
    start("facilities", ["services/facilities/src/main.ts"], {
      ...common,
      FACILITIES_GRPC_PORT: String(grpcPort),
      FACILITIES_HEALTH_PORT: String(healthPort),
    });
    await waitUntil(() => ok(`http://127.0.0.1:${healthPort}/readyz`), "facilities to be ready", 120_000, 250);
    const gateway = start(
      "gateway",
      [
        // BENCH_PROFILE_DIR: a V8 CPU profile of the gateway, written when it exits.
        ...(process.env.BENCH_PROFILE_DIR ? ["--cpu-prof", "--cpu-prof-dir", process.env.BENCH_PROFILE_DIR] : []),
        "services/gateway/src/main.ts",
      ],
      {
        ...common,
        GATEWAY_PORT: String(gatewayPort),
        FACILITIES_GRPC: `127.0.0.1:${grpcPort}`,
        TOKEN_PUBLIC_KEY: jwk.x!,
        RATE_LIMIT_PER_IP: "100000000",
        SSE_MAX_CLIENTS: String(SSE_CLIENTS + 100),
      },
    );
    const base = `http://127.0.0.1:${gatewayPort}`;
    await waitUntil(() => ok(`${base}/readyz`), "the gateway to be ready", 120_000, 250);
    const token = await signToken(privateKeyFrom(jwk.x!, jwk.d!), "bench@city", ["manager"], 3600, new Date());
    const declare = async (incident: string, level: string) => {
      const res = await fetch(`${base}/api/v1/mode`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ incident, level, wards: [], reason: "bench" }),
      });
      if (res.status !== 201) throw new Error(`declaration answered ${res.status}: ${await res.text()}`);
    };

    // The full status: every designated shelter open, the libraries closed.
    await declare("earthquake", "emergency");
    let previous = "";
    await waitUntil(
      async () => {
        const res = await fetch(`${base}/api/v1/status`);
        const body = (await res.json()) as { sheltersOpen?: { total: number } };
        const etag = res.headers.get("etag") ?? "";
        const settled = (body.sheltersOpen?.total ?? 0) >= 200 && etag === previous;
        previous = etag;
        return settled;
      },
      "the status to show the shelters open and settle",
      120_000,
      1_000,
    );
    const bytes = await getBody(`${base}/api/v1/status`);
    const full = JSON.parse(bytes.toString()) as { facilities: unknown[]; sheltersOpen: { total: number } };
    const file = join(mkdtempSync(join(tmpdir(), "bench-gateway-")), "status.json");
    writeFileSync(file, bytes);
    const bare = start("bare server", ["bench/gateway/bare-server.ts", file, String(barePort)]);
    await waitUntil(() => ok(`http://127.0.0.1:${barePort}/`), "the bare server", 60_000, 100);

    // Warm both up, then measure each with the same client settings.
    await autocannon({ url: `http://127.0.0.1:${barePort}/`, connections: CONNECTIONS, duration: 2 });
    await autocannon({ url: `${base}/api/v1/status`, connections: CONNECTIONS, duration: 2 });
    const { bareRun, oursRun } = await loadBoth(
      { url: `http://127.0.0.1:${barePort}/`, pid: bare.pid! },
      { url: `${base}/api/v1/status`, pid: gateway.pid! },
    );
    bare.kill("SIGTERM");

    // Stand down before the clients connect (the facility changes would otherwise dominate), then
    // switch between two watch modes, which change the mode and no facility.
    await declare("earthquake", "normal");
    await new Promise((r) => setTimeout(r, 3_000));
    const sse = await connectClients(`${base}/api/v1/events`, SSE_CLIENTS);
    const samples: number[] = [];
    const lastClient: number[] = [];
    for (let i = 0; i < SWITCHES; i++) {
      const arrived = sse.expect();
      const t0 = performance.now();
      await declare(i % 2 ? "typhoon" : "earthquake", "watch");
      const times = await arrived;
      for (const t of times) samples.push(t - t0);
      lastClient.push(Math.max(...times) - t0);
    }
    samples.sort((a, b) => a - b);
    lastClient.sort((a, b) => a - b);
    const connected = sse.connected();
    sse.close();

    const ratio = oursRun.rps / bareRun.rps;
    const cpuRatio = bareRun.cpuMsPerRequest / oursRun.cpuMsPerRequest;
    const rows: [string, string][] = [
      ["status body", `${bytes.length} bytes, ${full.facilities.length} facilities, ${full.sheltersOpen.total} shelters open`],
      [
        "client",
        `autocannon, ${CONNECTIONS} connections, ${DURATION_S} s each in ${ROUNDS} alternating rounds, keep-alive, no compression`,
      ],
      ["bare node http: requests/s", `${bareRun.rps.toFixed(0)} (p50 ${bareRun.p50} ms, worst p99 ${bareRun.p99} ms)`],
      [
        "gateway GET /api/v1/status: requests/s",
        `${oursRun.rps.toFixed(0)} (p50 ${oursRun.p50} ms, worst p99 ${oursRun.p99} ms, non-2xx ${oursRun.non2xx})`,
      ],
      ["ratio (gateway / bare)", `${ratio.toFixed(2)} (target ≥ 0.8)`],
      [
        "CPU per request: bare, gateway",
        `${bareRun.cpuMsPerRequest.toFixed(3)} ms, ${oursRun.cpuMsPerRequest.toFixed(3)} ms (bare / gateway ${cpuRatio.toFixed(2)})`,
      ],
      ["SSE clients connected", `${connected}`],
      [
        "POST /mode → SSE event, every client",
        `p50 ${percentile(samples, 50).toFixed(1)} ms, p99 ${percentile(samples, 99).toFixed(1)} ms (${samples.length} arrivals)`,
      ],
      [
        "POST /mode → SSE event, last client",
        `p50 ${percentile(lastClient, 50).toFixed(1)} ms, p99 ${percentile(lastClient, 99).toFixed(1)} ms over ${SWITCHES} switches`,
      ],
    ];
    printFigures(rows, {
      bench: "gateway",
      status_bytes: bytes.length,
      bare_rps: Math.round(bareRun.rps),
      gateway_rps: Math.round(oursRun.rps),
      ratio: Number(ratio.toFixed(3)),
      bare_cpu_ms_per_request: Number(bareRun.cpuMsPerRequest.toFixed(4)),
      gateway_cpu_ms_per_request: Number(oursRun.cpuMsPerRequest.toFixed(4)),
      cpu_ratio: Number(cpuRatio.toFixed(3)),
      sse_clients: connected,
      sse_p50_ms: Number(percentile(samples, 50).toFixed(1)),
      sse_p99_ms: Number(percentile(samples, 99).toFixed(1)),
      sse_last_client_p99_ms: Number(percentile(lastClient, 99).toFixed(1)),
    });
  } finally {
    stopping = true;
    for (const child of children) child.kill("SIGTERM");
    await Promise.all(children.map((c) => childExited(c)));
    await nats.stop();
  }
}

/** Raw HTTP SSE clients: each notes when the next mode event reaches it. */
async function connectClients(url: string, count: number) {
  const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
  const sockets: { destroy(): void }[] = [];
  const waiting = new Set<number>();
  let arrivals: number[] = [];
  let done: ((times: number[]) => void) | undefined;
  let open = 0;
  const connectOne = (i: number) =>
    new Promise<void>((resolve, reject) => {
      const req = request(url, { agent, headers: { accept: "text/event-stream" } }, (res) => {
        if (res.statusCode !== 200) return reject(new Error(`SSE client ${i} got ${res.statusCode}`));
        open++;
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          if (chunk.includes("event: mode") && waiting.delete(i)) {
            arrivals.push(performance.now());
            if (waiting.size === 0) done?.(arrivals);
          }
        });
        res.on("close", () => open--);
        resolve();
      });
      req.on("error", reject);
      sockets.push(req);
      req.end();
    });
  // Connect in batches so the listen backlog is never the bottleneck.
  for (let i = 0; i < count; i += 500) await Promise.all(Array.from({ length: Math.min(500, count - i) }, (_, k) => connectOne(i + k)));
  return {
    connected: () => open,
    expect(): Promise<number[]> {
      arrivals = [];
      for (let i = 0; i < count; i++) waiting.add(i);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${waiting.size} SSE clients never got the event`)), 60_000);
        done = (times) => {
          clearTimeout(timer);
          resolve(times);
        };
      });
    },
    close: () => sockets.forEach((s) => s.destroy()),
  };
}
