import { createServer } from "node:http";
import { metricsRegistry } from "./metrics";

export type ReadinessCheck = () => boolean;

/** Readiness is a set of named checks; a service is ready when all pass. */
export interface Readiness {
  add(name: string, check: ReadinessCheck): void;
  remove(name: string): void;
  report(): { ready: boolean; checks: Record<string, boolean> };
}

export function createReadiness(): Readiness {
  const checks = new Map<string, ReadinessCheck>();
  return {
    add: (name, check) => void checks.set(name, check),
    remove: (name) => void checks.delete(name),
    report() {
      const results = Object.fromEntries([...checks].map(([name, check]) => [name, check()]));
      return { ready: checks.size > 0 && Object.values(results).every(Boolean), checks: results };
    },
  };
}

export interface HealthServer {
  port: number;
  stop(): Promise<void>;
}

/** /healthz: the process is alive. /readyz: it is connected and caught up, so it can take work. /metrics: Prometheus. */
export async function startHealthServer(host: string, port: number, readiness: Readiness): Promise<HealthServer> {
  const server = createServer((req, res) => {
    const send = (code: number, body: unknown) => {
      res.writeHead(code, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.url === "/healthz") return send(200, { status: "ok" });
    if (req.url === "/metrics") {
      metricsRegistry.metrics().then(
        (text) => {
          res.writeHead(200, { "content-type": metricsRegistry.contentType });
          res.end(text);
        },
        () => send(500, { code: "METRICS_FAILED" }),
      );
      return;
    }
    if (req.url === "/readyz") {
      const report = readiness.report();
      return send(report.ready ? 200 : 503, report);
    }
    send(404, { code: "NOT_FOUND" });
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address();
  return {
    port: typeof address === "object" && address ? address.port : port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
