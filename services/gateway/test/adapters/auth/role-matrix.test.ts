import { NatsServerHandle, startNatsServer } from "@crisis/platform/testing";
import { Role, roles } from "../../../src/adapters/auth/tokens";
import { GatewayUnderTest, startGateway } from "../gateway-under-test";
import { LocalIdp, startLocalIdp } from "./local-idp";

const declaration = { incident: "flood", level: "alert", wards: ["南区"], reason: "緑川 氾濫危険水位" };

interface Row {
  /** Who may call it: "anyone", or the roles of which the caller needs one. */
  allowed: "anyone" | Role[];
  /** The concrete path (route parameters filled in), when the route has parameters. */
  path?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * Every route the gateway serves and who may call it: the one place to add a row when a route is
 * added (the first test fails until it is there).
 */
const routeTable: Record<string, Row> = {
  "GET /healthz": { allowed: "anyone" },
  "GET /readyz": { allowed: "anyone" },
  "GET /api/v1/openapi.json": { allowed: "anyone" },
  "GET /api/v1/mode": { allowed: "anyone" },
  "POST /api/v1/mode": { allowed: ["manager"], body: declaration },
  "POST /api/v1/mode/preview": { allowed: ["manager"], body: declaration },
  "GET /api/v1/mode/pending": { allowed: ["manager", "approver"] },
  "POST /api/v1/mode/pending/:id/approve": { allowed: ["approver"], path: "/api/v1/mode/pending/p-1/approve" },
  "GET /api/v1/status": { allowed: "anyone" },
  "GET /api/v1/push/public-key": { allowed: "anyone" },
  "POST /api/v1/subscriptions": { allowed: "anyone", body: { subscription: {}, topics: [] } },
  "DELETE /api/v1/subscriptions/:id": { allowed: "anyone", path: "/api/v1/subscriptions/sub-1", headers: { "x-unsubscribe-token": "t" } },
  "GET /api/v1/staffing/summary": { allowed: ["manager"] },
  "GET /api/v1/audit": { allowed: ["manager"] },
};

const callers: (Role | "anonymous")[] = ["anonymous", ...roles];

describe("who may call which route", () => {
  let nats: NatsServerHandle;
  let idp: LocalIdp;
  let gw: GatewayUnderTest;

  beforeAll(async () => {
    [nats, idp] = await Promise.all([startNatsServer(), startLocalIdp()]);
    gw = await startGateway(nats, idp);
  });
  afterAll(async () => {
    await gw.stop();
    await Promise.all([nats.stop(), idp.stop()]);
  });

  it("has a row in the route table for every route the gateway serves", () => {
    expect([...gw.routes].sort()).toEqual(Object.keys(routeTable).sort());
  });

  const cases = Object.entries(routeTable).flatMap(([route, row]) =>
    callers.map((caller) => {
      const allowed = row.allowed === "anyone" || (caller !== "anonymous" && row.allowed.includes(caller));
      const expected = allowed ? "allowed" : caller === "anonymous" ? "401" : "403";
      return { route, row, caller, expected };
    }),
  );

  it.each(cases)("$route as $caller: $expected", async ({ route, row, caller, expected }) => {
    const [method, url] = route.split(" ");
    const res = await gw.call(method, row.path ?? url, {
      body: row.body,
      headers: row.headers,
      as: caller === "anonymous" ? undefined : { roles: [caller] },
    });
    if (expected === "allowed") expect([401, 403]).not.toContain(res.status);
    else if (expected === "401") expect(res.body).toMatchObject({ status: 401, code: "AUTH_REQUIRED" });
    else expect(res.body).toMatchObject({ status: 403, code: "ROLE_FORBIDDEN" });
  });
});
