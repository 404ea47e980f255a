import { isIP } from "node:net";
import { z } from "zod";
import { commonSettings, loadConfig, settings } from "@crisis/platform";
import { approvalPolicies } from "./domain/approval";

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

const schema = z
  .object({
    ...commonSettings,
    GATEWAY_PORT: settings.port(8080),
    FACILITIES_GRPC: settings.grpcTarget("127.0.0.1:50051"),
    STAFFING_GRPC: settings.grpcTarget("127.0.0.1:50052"),
    NOTIFY_GRPC: settings.grpcTarget("127.0.0.1:50053"),
    GRPC_DEADLINE_MS: z.coerce.number().int().min(50).max(60_000).default(3_000),
    /** The embedded run's own signing key; not needed when the city's identity provider is configured. */
    TOKEN_PUBLIC_KEY: settings.base64url.length(43, "must be an Ed25519 public key (JWK x, base64url, 43 characters)").optional(),
    OIDC_ISSUER: z.url().optional(),
    OIDC_AUDIENCE: z.string().min(1).optional(),
    OIDC_JWKS_URL: z.url({ protocol: /^https?$/ }).optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    /** Encrypts the session cookie (32 bytes, base64url); the embedded run keeps one in var/keys.json. */
    SESSION_KEY: settings.base64url.length(43, "must be 32 random bytes, base64url (43 characters)").optional(),
    /** How long a sign-in lasts: a shift. */
    SESSION_HOURS: z.coerce.number().int().min(1).max(24).default(12),
    /** Map tiles for the status page ({z}/{x}/{y} template); unset = shelters as a plain list. */
    PAGES_TILE_URL: z.string().url().optional(),
    PAGES_TILE_ATTRIBUTION: z.string().max(300).optional(),
    // A counter's waiting figure older than this is `stale: true` in the API answers and marked out of date on the pages.
    WAITING_STALE_MINUTES: z.coerce.number().int().min(1).max(1_440).default(60),
    APPROVAL_REQUIRED: z.enum(approvalPolicies).default("never"),
    APPROVAL_TTL_MINUTES: z.coerce.number().int().min(1).max(720).default(30),
    IDEMPOTENCY_TTL_HOURS: z.coerce.number().int().min(1).max(168).default(24),
    BODY_LIMIT_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(10 * 1024 * 1024)
      .default(64 * 1024),
    SSE_MAX_CLIENTS: z.coerce.number().int().min(1).max(1_000_000).default(20_000),
    SSE_HEARTBEAT_MS: z.coerce.number().int().min(1_000).max(300_000).default(15_000),
    CORS_ORIGINS: z
      .string()
      .default("")
      .transform((v) =>
        v
          .split(",")
          .map((o) => o.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.url({ protocol: /^https?$/ }))),
    HSTS: z.stringbool().default(false),
    /**
     * Whose X-Forwarded-For is believed (rate limits per client IP behind the TLS proxy): the
     * proxies' addresses, networks or named ranges (loopback, linklocal, uniquelocal = the private
     * networks), comma-separated; unset: nobody's, the connection's own address counts.
     */
    TRUST_PROXY: z
      .string()
      .trim()
      .default("")
      .refine(
        (v) => v === "" || v.split(",").every((a) => isProxyAddress(a.trim())),
        "must be the proxies' addresses, networks (CIDR, e.g. 10.0.0.0/8) or loopback, linklocal, uniquelocal, comma-separated",
      )
      .transform((v): false | string[] => (v === "" ? false : v.split(",").map((a) => a.trim()))),
    RATE_LIMIT_PER_IP: z.coerce.number().int().min(1).default(1_200),
    RATE_LIMIT_PER_TOKEN: z.coerce.number().int().min(1).default(600),
    RATE_LIMIT_WINDOW_MS: z.coerce.number().int().min(1_000).default(60_000),
    /** Headless Chromium for the daily HQ sheet as PDF; where it is not installed, PDF answers 503 and HTML still works. */
    CHROMIUM_PATH: z.string().min(1).default("/usr/bin/chromium"),
    PUBLIC_BASE_URL: z.url().default("http://localhost:8080"),
    CAP_SENDER: z.string().min(3).default("kikikanri@city.kumamoto.lg.jp"),
    OIDC_ROLES_CLAIM: z
      .string()
      .regex(/^[\w:/-]+(\.[\w:/-]+)*$/, "must be a claim name, dotted for a nested claim")
      .default("roles"),
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

export type GatewayConfig = z.infer<typeof schema>;
export const readConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(schema, env);

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
