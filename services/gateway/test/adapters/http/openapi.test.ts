import { NatsServerHandle, startNatsServer } from "@crisis/platform/testing";
import { openApiDocument } from "../../../src/adapters/http/openapi";
import { operations } from "../../../src/adapters/http/route-catalogue";
import { LocalIdp, signInAt, startLocalIdp } from "../auth/local-idp";
import { previewingFacilities } from "../fake-facilities";
import { GatewayUnderTest, startGateway } from "../gateway-under-test";

describe("the OpenAPI 3.1 document at /api/v1/openapi.json", () => {
  let nats: NatsServerHandle;
  let idp: LocalIdp;
  let gw: GatewayUnderTest;
  let doc: any;

  beforeAll(async () => {
    [nats, idp] = await Promise.all([startNatsServer(), startLocalIdp()]);
    // With sign-in configured, as docs/api.md describes the gateway: /login and the rest are served too.
    gw = await startGateway(nats, idp, { approval: "normal-to-emergency", facilities: previewingFacilities, signIn: signInAt(idp) });
    doc = (await gw.call("GET", "/api/v1/openapi.json")).body;
  });
  afterAll(async () => {
    await gw.stop();
    await Promise.all([nats.stop(), idp.stop()]);
  });

  it("documents every route the gateway serves, and no other", () => {
    const documented = Object.entries(doc.paths).flatMap(([path, ops]: [string, any]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`),
    );
    expect(doc.openapi).toBe("3.1.0");
    expect(documented.sort()).toEqual([...gw.routes].sort());
  });

  it("is the document docs/api.md is made from (npm run docs), so the generated reference is what is served", () => {
    expect(doc).toEqual(JSON.parse(JSON.stringify(openApiDocument(Object.keys(operations)))));
  });

  it("spells every field of every body, query and answer in camelCase, and lists the old spellings still taken", () => {
    const snake: string[] = [];
    const walk = (node: any, where: string) => {
      if (!node || typeof node !== "object") return;
      for (const name of Object.keys(node.properties ?? {})) if (name.includes("_")) snake.push(`${where} ${name}`);
      for (const child of Object.values(node)) walk(child, where);
    };
    for (const [path, ops] of Object.entries(doc.paths) as [string, any][])
      for (const [method, op] of Object.entries(ops) as [string, any][]) {
        const where = `${method} ${path}`;
        for (const p of op.parameters ?? []) if (p.in === "query" && p.name.includes("_")) snake.push(`${where} ?${p.name}`);
        walk(op.requestBody, where);
        walk(op.responses, where);
      }
    expect(snake).toEqual([]);
    expect(doc.paths["/api/v1/services/{id}/waiting"].post["x-deprecated-spellings"]).toEqual({ next_free_slot: "nextFreeSlot" });
  });

  it("describes a declaration's body with the zod schema the route parses it with", () => {
    const schema = doc.paths["/api/v1/mode"].post.requestBody.content["application/json"].schema;
    expect(schema).toMatchObject({
      type: "object",
      additionalProperties: false,
      required: expect.arrayContaining(["incident", "level", "reason"]),
    });
    expect(schema.properties.incident.enum).toEqual(expect.arrayContaining(["earthquake", "flood"]));
    expect(schema.properties.wards.items.enum).toEqual(["中央区", "東区", "西区", "南区", "北区"]);
  });

  it("names path and query parameters, the Idempotency-Key of every POST, the roles and the problem+json refusals", () => {
    const approve = doc.paths["/api/v1/mode/pending/{id}/approve"].post;
    expect(approve.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "id", in: "path", required: true }),
        expect.objectContaining({ name: "Idempotency-Key", in: "header" }),
      ]),
    );
    expect(approve["x-roles"]).toEqual(["approver"]);
    expect(approve.responses["403"].content["application/problem+json"].schema).toEqual({ $ref: "#/components/schemas/Problem" });
    const audit = doc.paths["/api/v1/audit"].get;
    expect(audit.parameters.map((p: any) => p.name)).toEqual(["from", "to", "actor", "kind", "facility", "format", "limit", "after"]);
    expect(audit.parameters[0].schema).toMatchObject({ type: "string", format: "date-time" });
  });

  it("describes the JSON answer of every API route that answers with a body", () => {
    // The document itself, the event stream, the feeds and the roster and rota CSVs answer with other media types.
    const notJson = new Set([
      "GET /api/v1/openapi.json",
      "GET /api/v1/events",
      "GET /metrics",
      "GET /api/v1/staffing/roster.csv",
      "GET /api/v1/staffing/teams/rota.csv",
      "GET /api/v1/shelters/history",
    ]);
    const undescribed = Object.entries(operations)
      .filter(([route]) => /^\w+ \/(api\/v1\/|healthz|readyz)/.test(route) && !notJson.has(route))
      .flatMap(([route, op]) =>
        Object.keys(op.responses)
          .map(Number)
          .filter((status) => status < 300 && status !== 204 && !op.answers?.[status])
          .map((status) => `${route} ${status}`),
      );
    expect(undescribed).toEqual([]);
    expect(doc.paths["/api/v1/status"].get.responses["200"].content["application/json"].schema).toMatchObject({
      type: "object",
      required: expect.arrayContaining(["mode", "sheltersOpen", "facilities"]),
    });
    expect(doc.components.schemas.Problem).toMatchObject({ required: expect.arrayContaining(["code", "field", "correlationId"]) });
  });

  it("publishes answer schemas that the gateway's real answers satisfy", async () => {
    const manager = { roles: ["manager" as const], sub: "m@city" };
    const approver = { roles: ["approver" as const], sub: "a@city" };
    const flood = { incident: "flood", level: "alert", wards: ["南区"], reason: "緑川 氾濫危険水位" };
    const quake = { incident: "earthquake", level: "emergency", wards: [], reason: "M7.1" };
    const answer = (route: string, status: number) => operations[route].answers![status];
    // One after another: each answer depends on the one before.
    const pending = await gw.call("POST", "/api/v1/mode", { body: quake, as: manager });
    const checks: [string, number, () => Promise<{ status: number; body: unknown }>][] = [
      ["GET /healthz", 200, () => gw.call("GET", "/healthz")],
      ["GET /api/v1/mode", 200, () => gw.call("GET", "/api/v1/mode")],
      ["POST /api/v1/mode/preview", 200, () => gw.call("POST", "/api/v1/mode/preview", { body: flood, as: manager })],
      ["POST /api/v1/mode", 202, async () => pending],
      ["GET /api/v1/mode/pending", 200, () => gw.call("GET", "/api/v1/mode/pending", { as: approver })],
      [
        "POST /api/v1/mode/pending/:id/withdraw",
        200,
        async () => {
          const other = await gw.call("POST", "/api/v1/mode", { body: quake, as: manager });
          return gw.call("POST", `/api/v1/mode/pending/${other.body.pendingId}/withdraw`, { body: { reason: "誤操作" }, as: manager });
        },
      ],
      [
        "POST /api/v1/mode/pending/:id/reject",
        200,
        async () => {
          const other = await gw.call("POST", "/api/v1/mode", { body: quake, as: manager });
          return gw.call("POST", `/api/v1/mode/pending/${other.body.pendingId}/reject`, { body: { reason: "重複" }, as: approver });
        },
      ],
      [
        "POST /api/v1/mode/pending/:id/approve",
        201,
        () => gw.call("POST", `/api/v1/mode/pending/${pending.body.pendingId}/approve`, { as: approver }),
      ],
      ["POST /api/v1/mode", 201, () => gw.call("POST", "/api/v1/mode", { body: flood, as: manager })],
      ["GET /api/v1/audit", 200, () => gw.call("GET", "/api/v1/audit", { as: manager })],
    ];
    for (const [route, status, call] of checks) {
      const res = await call();
      expect(`${route} ${res.status}`).toBe(`${route} ${status}`);
      expect(answer(route, status).safeParse(res.body).error).toBeUndefined();
      const [method, url] = route.split(" ");
      expect(
        doc.paths[url.replace(/:(\w+)/g, "{$1}")][method.toLowerCase()].responses[status].content["application/json"].schema,
      ).toBeDefined();
    }
  });
});
