import { isIP } from "node:net";
import { z } from "zod";
import { commonSettings, loadConfig, settings } from "@crisis/platform";
import { approvalPolicies } from "./areas/mode/domain/approval";

/** Where a TLS proxy in front of the gateway speaks from: an address, a network (CIDR) or a named range. */
const proxyRanges = ["loopback", "linklocal", "uniquelocal"];
const isProxyAddress = (text: string) => {
  if (proxyRanges.includes(text)) return true;
  const [ip, bits, ...rest] = text.split("/");
  const family = isIP(ip);
  return family !== 0 && rest.length === 0 && (bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128)));
};

/** Bearer tokens of the city's identity provider (API clients). */
const oidcVariables = ["OIDC_ISSUER", "OIDC_AUDIENCE", "OIDC_JWKS_URL"] as const;
/** Sign-in for the pages at the same provider (authorization code + PKCE, session cookie). */
const signInVariables = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "SESSION_KEY"] as const;

/** The service's settings, read from the environment at start (docs/configuration.md is made from this). */
export const configSchema = z
  .object({
    ...commonSettings,
    GATEWAY_PORT: settings.port(8080).describe("The HTTP port of the API and the pages."),
    FACILITIES_GRPC: settings
      .grpcTarget("127.0.0.1:50051")
      .describe(
        "Where facilities answers gRPC: host:port, or every instance as ip:port,ip:port (calls go round robin to the instances that listen).",
      ),
    STAFFING_GRPC: settings.grpcTarget("127.0.0.1:50052").describe("Where staffing answers gRPC (as FACILITIES_GRPC)."),
    NOTIFY_GRPC: settings.grpcTarget("127.0.0.1:50053").describe("Where notify answers gRPC (as FACILITIES_GRPC)."),
    GRPC_DEADLINE_MS: z.coerce
      .number()
      .int()
      .min(50)
      .max(60_000)
      .default(3_000)
      .describe("The deadline of every gRPC call to a back-end service."),
    TOKEN_PUBLIC_KEY: settings.base64url
      .length(43, "must be an Ed25519 public key (JWK x, base64url, 43 characters)")
      .optional()
      .describe(
        "The embedded run's own token-signing key (Ed25519 public key, JWK x); not needed when the city's identity provider is configured.",
      ),
    OIDC_ISSUER: z.url().optional().describe("The city's identity provider (bearer tokens of API clients, and the pages' sign-in)."),
    OIDC_AUDIENCE: z
      .string()
      .min(1)
      .optional()
      .describe("The audience of API clients' bearer tokens (with OIDC_ISSUER and OIDC_JWKS_URL: all three or none)."),
    OIDC_JWKS_URL: z
      .url({ protocol: /^https?$/ })
      .optional()
      .describe("Where the provider's token-signing keys are published."),
    OIDC_CLIENT_ID: z
      .string()
      .min(1)
      .optional()
      .describe("The pages' client at the provider (sign-in by authorization code + PKCE; with OIDC_CLIENT_SECRET and SESSION_KEY)."),
    OIDC_CLIENT_SECRET: z.string().min(1).optional().describe("The pages' client secret at the provider."),
    SESSION_KEY: settings.base64url
      .length(43, "must be 32 random bytes, base64url (43 characters)")
      .optional()
      .describe("Encrypts the session cookie (32 bytes, base64url); the embedded run keeps one in var/keys.json."),
    SESSION_HOURS: z.coerce.number().int().min(1).max(24).default(12).describe("How long a sign-in lasts: a shift."),
    PAGES_TILE_URL: z
      .string()
      .url()
      .optional()
      .describe(
        "Map tiles for the status page ({z}/{x}/{y} template; its origin is allowed in the CSP's img-src); unset: shelters as a plain list.",
      ),
    PAGES_TILE_ATTRIBUTION: z.string().max(300).optional().describe("The map tiles' attribution, shown under the map."),
    WAITING_STALE_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(1_440)
      .default(60)
      .describe("A counter's waiting figure older than this is stale: true in the API answers and marked out of date on the pages."),
    APPROVAL_REQUIRED: z
      .enum(approvalPolicies)
      .default("never")
      .describe(
        "Which declarations need a second person (two-person rule): never; normal-to-emergency (from normal straight to emergency); into-emergency (every step up into emergency, from watch and alert too).",
      ),
    APPROVAL_TTL_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(720)
      .default(30)
      .describe("How long a pending declaration waits for approval before it lapses."),
    IDEMPOTENCY_TTL_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(168)
      .default(24)
      .describe("How long an Idempotency-Key's answer is kept and replayed."),
    BODY_LIMIT_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(10 * 1024 * 1024)
      .default(64 * 1024)
      .describe("The largest request body accepted."),
    SSE_MAX_CLIENTS: z.coerce
      .number()
      .int()
      .min(1)
      .max(1_000_000)
      .default(20_000)
      .describe("The most clients of the live event stream at once."),
    SSE_HEARTBEAT_MS: z.coerce
      .number()
      .int()
      .min(1_000)
      .max(300_000)
      .default(15_000)
      .describe("How often the live event stream sends a heartbeat."),
    CORS_ORIGINS: z
      .string()
      .default("")
      .transform((v) =>
        v
          .split(",")
          .map((o) => o.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.url({ protocol: /^https?$/ })))
      .describe("Origins allowed to call the API from other sites, comma-separated; none by default."),
    HSTS: z.stringbool().default(false).describe("Send Strict-Transport-Security (true behind TLS)."),
    TRUST_PROXY: z
      .string()
      .trim()
      .default("")
      .refine(
        (v) => v === "" || v.split(",").every((a) => isProxyAddress(a.trim())),
        "must be the proxies' addresses, networks (CIDR, e.g. 10.0.0.0/8) or loopback, linklocal, uniquelocal, comma-separated",
      )
      .transform((v): false | string[] => (v === "" ? false : v.split(",").map((a) => a.trim())))
      .describe(
        "Whose X-Forwarded-For is believed (rate limits per client IP behind the TLS proxy): the proxies' addresses, networks (e.g. 10.0.0.0/8) or loopback, linklocal, uniquelocal (the private networks), comma-separated; compose and k8s set uniquelocal. Unset: nobody's, the connection's own address counts.",
      ),
    RATE_LIMIT_PER_IP: z.coerce.number().int().min(1).default(1_200).describe("Requests per client address per window."),
    RATE_LIMIT_PER_TOKEN: z.coerce.number().int().min(1).default(600).describe("Requests per signed-in caller per window."),
    RATE_LIMIT_WINDOW_MS: z.coerce.number().int().min(1_000).default(60_000).describe("The rate limits' window."),
    PUBLIC_BASE_URL: z
      .url()
      .default("http://localhost:8080")
      .describe("The address citizens and staff reach the pages at (links in pushes, feeds and sign-in)."),
    CAP_SENDER: z.string().min(3).default("kikikanri@city.kumamoto.lg.jp").describe("The sender of the CAP alert feed."),
    CHROMIUM_PATH: z
      .string()
      .min(1)
      .default("/usr/bin/chromium")
      .describe("Headless Chromium for the daily HQ sheet as PDF; where it is not installed, PDF answers 503 and HTML still works."),
    OIDC_ROLES_CLAIM: z
      .string()
      .regex(/^[\w:/-]+(\.[\w:/-]+)*$/, "must be a claim name, dotted for a nested claim")
      .default("roles")
      .describe("The token claim holding the roles, dotted for a nested claim."),
  })
  .superRefine((config, ctx) => {
    for (const group of [oidcVariables, signInVariables]) {
      // The issuer alone names neither use; the other settings of a group say which is meant.
      const given = group.filter((name) => name !== "OIDC_ISSUER" && config[name] !== undefined);
      for (const name of group.filter((n) => given.length > 0 && config[n] === undefined)) {
        ctx.addIssue({ code: "custom", path: [name], message: `is required with ${given.join(", ")}` });
      }
    }
    const bearer = oidcVariables.filter((name) => config[name] !== undefined);
    if (bearer.length < oidcVariables.length && config.TOKEN_PUBLIC_KEY === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["TOKEN_PUBLIC_KEY"],
        message: "must be an Ed25519 public key (JWK x) unless OIDC_ISSUER, OIDC_AUDIENCE and OIDC_JWKS_URL name the identity provider",
      });
    }
  });

export type GatewayConfig = z.infer<typeof configSchema>;
export const readConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(configSchema, env);

/** Whose tokens the gateway accepts: the city's identity provider when configured, else the embedded key. */
export type Identity =
  { kind: "oidc"; issuer: string; audience: string; jwksUrl: string; rolesClaim: string } | { kind: "embedded"; publicKey: string };

export function identityOf(config: GatewayConfig): Identity {
  const { OIDC_ISSUER: issuer, OIDC_AUDIENCE: audience, OIDC_JWKS_URL: jwksUrl, TOKEN_PUBLIC_KEY: publicKey } = config;
  if (issuer && audience && jwksUrl) return { kind: "oidc", issuer, audience, jwksUrl, rolesClaim: config.OIDC_ROLES_CLAIM };
  // The schema refuses a config with neither.
  return { kind: "embedded", publicKey: publicKey ?? "" };
}

/** Sign-in for the pages, when the provider's client is configured. */
export interface SignInSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  sessionKey: string;
  sessionHours: number;
  rolesClaim: string;
  publicBaseUrl: string;
}

export function signInOf(config: GatewayConfig): SignInSettings | undefined {
  const { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret, SESSION_KEY: sessionKey } = config;
  if (!issuer || !clientId || !clientSecret || !sessionKey) return undefined;
  return {
    issuer,
    clientId,
    clientSecret,
    sessionKey,
    sessionHours: config.SESSION_HOURS,
    rolesClaim: config.OIDC_ROLES_CLAIM,
    publicBaseUrl: config.PUBLIC_BASE_URL,
  };
}
