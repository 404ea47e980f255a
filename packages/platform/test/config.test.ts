import { z } from "zod";
import { ConfigError, loadConfig, settings } from "../src";

const schema = z.object({ GATEWAY_PORT: settings.port(8080), NATS_URL: settings.natsUrl });

describe("loadConfig", () => {
  it("fills defaults when the variables are absent", () => {
    expect(loadConfig(schema, {})).toEqual({ GATEWAY_PORT: 8080, NATS_URL: "nats://127.0.0.1:4222" });
  });

  it("takes the nodes of a cluster as comma-separated URLs", () => {
    expect(loadConfig(schema, { NATS_URL: "nats://n1:4222,nats://n2:4222" }).NATS_URL).toBe("nats://n1:4222,nats://n2:4222");
  });

  it("fails at start with a message that names every bad variable", () => {
    const attempt = () => loadConfig(schema, { GATEWAY_PORT: "eighty", NATS_URL: "http://x" });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/GATEWAY_PORT: .*; NATS_URL: must be nats:\/\/ or tls:\/\/ URLs/);
  });
});
