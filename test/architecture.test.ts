import { execFileSync } from "node:child_process";
import { join } from "node:path";

const root = join(__dirname, "..");
const config = join(root, ".dependency-cruiser.cjs");

/** Runs dependency-cruiser with the house rules and returns the violations and the rules it used. */
function cruise(cwd: string, paths: string[]) {
  const out = execFileSync(join(root, "node_modules/.bin/depcruise"), ["--config", config, "--output-type", "json", ...paths], {
    cwd,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out) as {
    summary: { violations: { rule: { name: string }; from: string; to: string }[]; ruleSetUsed: { forbidden: { name: string }[] } };
  };
}

/** The violations as "rule: from → to". */
function violations(cwd: string, paths: string[]): string[] {
  const { summary } = cruise(cwd, paths);
  return summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to.replace(/^.*node_modules\//, "")}`).sort();
}

describe("the house rules", () => {
  it("hold for the whole tree", () => {
    expect(violations(root, ["services", "packages", "e2e", "bench", "deploy"])).toEqual([]);
  });

  it("report every deliberately bad import in the fixture, at least one for each rule", () => {
    const found = violations(join(__dirname, "architecture/fixture"), ["services", "packages"]);
    expect(found).toEqual(
      expect.arrayContaining([
        "domain-is-pure-modules: services/alpha/src/domain/rules.ts → nats/index.js",
        "domain-is-pure-modules: services/alpha/src/domain/rules.ts → fs",
        "only-main-wires-adapters: services/alpha/src/domain/rules.ts → services/alpha/src/adapters/push.ts",
        "only-main-wires-adapters: services/alpha/src/app/notify.ts → services/alpha/src/adapters/push.ts",
        "no-service-imports-another: services/alpha/src/domain/rules.ts → services/beta/src/app/plan.ts",
        "platform-knows-no-service: packages/platform/src/shared.ts → services/beta/src/app/plan.ts",
        "domain-is-pure: services/alpha/src/domain/fares.ts → services/alpha/src/app/notify.ts",
        "domain-is-pure: services/alpha/src/domain/fares.ts → packages/platform/src/shared.ts",
        "contracts-are-pure: packages/platform/src/contracts/words.ts → packages/platform/src/shared.ts",
        "nothing-imports-main: services/beta/src/adapters/boot.ts → services/beta/src/main.ts",
        "app-imports-contracts-and-ports: services/beta/src/app/plan.ts → packages/platform/src/shared.ts",
      ]),
    );
  });

  it("hold at area depth too: src/areas/<area>/{domain,app,http} keep the layers, and an area keeps to itself", () => {
    const found = violations(join(__dirname, "architecture/fixture"), ["services", "packages"]);
    expect(found).toEqual(
      expect.arrayContaining([
        "domain-is-pure-modules: services/alpha/src/areas/fares/domain/zones.ts → pino/pino.js",
        "domain-is-pure: services/alpha/src/areas/fares/domain/zones.ts → services/alpha/src/areas/fares/http/routes.ts",
        "only-main-wires-adapters: services/alpha/src/areas/fares/domain/zones.ts → services/alpha/src/areas/fares/http/routes.ts",
        "only-main-wires-adapters: services/alpha/src/areas/fares/app/quote.ts → services/alpha/src/adapters/push.ts",
        "app-imports-contracts-and-ports: services/alpha/src/areas/fares/app/quote.ts → packages/platform/src/shared.ts",
        "areas-keep-to-themselves: services/alpha/src/areas/fares/http/routes.ts → services/alpha/src/areas/shifts/app/shift-fares.ts",
      ]),
    );
  });

  it("each have a fixture that breaks them", () => {
    const { summary } = cruise(join(__dirname, "architecture/fixture"), ["services", "packages"]);
    const rules = summary.ruleSetUsed.forbidden.map((r) => r.name).sort();
    expect(rules).toHaveLength(9);
    expect([...new Set(summary.violations.map((v) => v.rule.name))].sort()).toEqual(rules);
  });
});
