import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { ChannelCredentials, ChannelOptions } from "@grpc/grpc-js";
import { grpcClient } from "../src/grpc/client";

const root = join(__dirname, "../../..");

/** Every .ts file under a folder, tests and generated contracts left out. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "node_modules" || name === "contracts" || name === "test") return [];
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

describe("gRPC clients", () => {
  it("are built on the shared channel: round robin over the instances and a reconnect within two seconds", () => {
    class Captured {
      constructor(
        readonly address: string,
        readonly creds: ChannelCredentials,
        readonly options: ChannelOptions,
      ) {}
    }
    const c = grpcClient(Captured, "10.0.0.1:50052,10.0.0.2:50052");
    expect(c.address).toBe("ipv4:10.0.0.1:50052,10.0.0.2:50052");
    expect(c.options["grpc.max_reconnect_backoff_ms"]).toBe(2_000);
    expect(JSON.parse(String(c.options["grpc.service_config"]))).toEqual({ loadBalancingConfig: [{ round_robin: {} }] });
  });

  it("are built nowhere else: no service source makes its own channel credentials", () => {
    const helper = join(root, "packages/platform/src/grpc/client.ts");
    const dirs = [join(root, "packages/platform/src"), ...readdirSync(join(root, "services")).map((s) => join(root, "services", s, "src"))];
    const outside = dirs
      .flatMap(sources)
      .filter((f) => f !== helper && /credentials\.createInsecure\(|new \w+ServiceClient\(/.test(readFileSync(f, "utf8")))
      .map((f) => relative(root, f));
    expect(outside).toEqual([]);
  });
});
