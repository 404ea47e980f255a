/**
 * The house rules, checked on every `npm test` (and proven to bite by test/architecture.test.ts):
 * services talk over gRPC and events, never through each other's code; the platform knows no
 * service; domain code is pure; only main.ts wires adapters. A service may be organised by area
 * (src/areas/<area>/{domain,app,http}, the gateway is): the layers then hold at both depths, an area's
 * http/ being an adapter like src/adapters/, and an area reaches another's code only through its domain.
 */
/** A domain or a use-case folder, at the top of src/ or in an area (no nested quantifier: dependency-cruiser refuses those as unsafe). */
const domain = "^services/[^/]+/src/(domain|areas/[^/]+/domain)/";
const app = "^services/[^/]+/src/(app|areas/[^/]+/app)/";
/** Adapters: src/adapters/ and each area's http/. */
const adapters = "^services/[^/]+/src/(adapters/|areas/[^/]+/http/)";
const io =
  "(^|/)node_modules/(nats|@grpc/grpc-js|fastify|pino|web-push|mongodb|node-cron|highs)/|^(node:)?(fs|net|http|https|http2|child_process|worker_threads)$";

module.exports = {
  forbidden: [
    {
      name: "no-service-imports-another",
      comment: "Services talk over gRPC and events defined in proto/, never through each other's code.",
      severity: "error",
      from: { path: "^services/([^/]+)/" },
      to: { path: "^services/([^/]+)/", pathNot: "^services/$1/" },
    },
    {
      name: "platform-knows-no-service",
      comment: "The shared package serves every service and names none.",
      severity: "error",
      from: { path: "^packages/platform/" },
      to: { path: "^services/" },
    },
    {
      name: "domain-is-pure",
      comment: "Domain rules do no I/O: no adapters, no nats, grpc-js, fastify, pino, web-push, fs, net or http.",
      severity: "error",
      from: { path: domain },
      to: { path: [app, adapters, "^packages/platform/src/(?!contracts/)", "_service\\.ts$"] },
    },
    {
      name: "domain-is-pure-modules",
      comment: "Domain rules do no I/O (modules by name).",
      severity: "error",
      from: { path: domain },
      to: { path: io },
    },
    {
      name: "contracts-are-pure",
      comment: "The contracts subpath is what domain code imports: nothing with I/O behind it.",
      severity: "error",
      from: { path: "^packages/platform/src/contracts/", pathNot: "_service\\.ts$" },
      to: { path: ["^packages/platform/src/(?!contracts/)", io] },
    },
    {
      name: "app-imports-contracts-and-ports",
      comment: "Use cases take from the platform only its pure entry points; the barrel loads nats, grpc-js, mongodb and pino.",
      severity: "error",
      from: { path: app },
      to: { path: "^packages/platform/src/", pathNot: "^packages/platform/src/(contracts/|ports\\.ts$)" },
    },
    {
      name: "only-main-wires-adapters",
      comment: "Use cases and rules reach adapters only through ports that main.ts fills in.",
      severity: "error",
      from: { path: [app, domain] },
      to: { path: [adapters, "^services/[^/]+/src/main\\.ts$"] },
    },
    {
      name: "areas-keep-to-themselves",
      comment:
        "An area uses another area's pure rules at most; use cases, pages and routes several areas need live at the top (src/app, src/adapters).",
      severity: "error",
      from: { path: "^services/([^/]+)/src/areas/([^/]+)/" },
      to: { path: "^services/$1/src/areas/[^/]+/(app|http)/", pathNot: "^services/$1/src/areas/$2/" },
    },
    {
      name: "nothing-imports-main",
      severity: "error",
      from: {},
      to: { path: "^services/[^/]+/src/main\\.ts$" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^var/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: require("node:path").join(__dirname, "tsconfig.json") },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["require", "node", "default"],
      extensions: [".ts", ".js", ".json"],
    },
    moduleSystems: ["cjs", "es6"],
  },
};
