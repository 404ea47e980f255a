import { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from "fastify";
import { z } from "zod";
import { Principal, Role } from "../auth/tokens";
import { markDeprecated, respell } from "./old-spellings";
import { parseBody, parseQuery } from "./schema-parts";

declare module "fastify" {
  interface FastifyContextConfig {
    /** Roles of which the caller needs one (the declaration's); checked by checkRoles' hook. */
    roles?: readonly Role[];
  }
}

/** Checks the bearer token (or the page's session) and that it carries one of the roles; resolves to the caller. */
export type Authenticate = (request: FastifyRequest, allowed: Role | readonly Role[]) => Promise<Principal>;

/** What a route is: the one place its method, URL, roles, input and answers are said. */
export interface RouteDeclaration {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  url: string;
  summary: string;
  /** Roles of which the caller needs one; absent: anyone. */
  roles?: readonly Role[];
  body?: z.ZodType;
  query?: z.ZodObject;
  /** Answers other than problem+json refusals, by status. */
  responses: Record<number, string>;
  /** The JSON bodies of those answers, by status, where described. */
  answers?: Record<number, z.ZodType>;
  /** Refusals worth naming, by status (problem+json). */
  problems?: Record<number, string>;
}

type ParamNames<U extends string> = U extends `${string}:${infer P}/${infer Rest}`
  ? P | ParamNames<`/${Rest}`>
  : U extends `${string}:${infer P}`
    ? P
    : never;

/** A declaration with its path parameters (from the URL) and its key, "METHOD /url". */
export type DeclaredRoute<D extends RouteDeclaration = RouteDeclaration> = D & {
  params: z.ZodObject<{ [K in ParamNames<D["url"]>]: z.ZodString }>;
  route: `${D["method"]} ${D["url"]}`;
};

/** Declares a route; its path parameters are read from the URL (`:id`). */
export function declareRoute<const D extends RouteDeclaration>(declaration: D): DeclaredRoute<D> {
  const names = [...declaration.url.matchAll(/:(\w+)/g)].map(([, name]) => name);
  return {
    ...declaration,
    params: z.object(Object.fromEntries(names.map((name) => [name, z.string()]))),
    route: `${declaration.method} ${declaration.url}`,
  } as DeclaredRoute<D>;
}

type Parsed<D, K extends "body" | "query", Otherwise> = D extends { [key in K]: infer S extends z.ZodType } ? z.output<S> : Otherwise;

/** What a handler is given: the request parsed by its declaration, and the caller when roles are declared. */
export interface RouteInput<D extends DeclaredRoute> {
  request: FastifyRequest;
  reply: FastifyReply;
  params: z.output<D["params"]>;
  body: Parsed<D, "body", undefined>;
  /** Without a declared query (the pages): the query string as given, each value read with care. */
  query: Parsed<D, "query", Record<string, string | string[] | undefined>>;
  caller: D extends { roles: readonly Role[] } ? Principal : undefined;
}

const callers = new WeakMap<FastifyRequest, Principal>();

/**
 * Serves a declared route: its body and query are parsed with the declared schemas (422 naming
 * the field), old spellings of body fields mapped to the new (with a Deprecation header), after the
 * roles hook has let the caller through.
 */
export function serve<D extends DeclaredRoute>(
  app: FastifyInstance,
  declared: D,
  handler: (input: RouteInput<D>) => unknown,
  options: { exposeHeadRoute?: boolean } = {},
) {
  app.route({
    method: declared.method,
    url: declared.url,
    ...options,
    config: { roles: declared.roles },
    handler: async (request, reply) => {
      const given = respell(declared.body, request.body);
      if (given.used.length) markDeprecated(reply);
      return handler({
        request,
        reply,
        params: declared.params.parse(request.params),
        body: declared.body && parseBody(declared.body, given.body),
        query: declared.query ? parseQuery(declared.query, request.query) : request.query,
        caller: callers.get(request),
      } as RouteInput<D>);
    },
  });
}

/**
 * The one role check: a route declared with roles authenticates its caller before any other of
 * its hooks (an Idempotency-Key is claimed only for a caller who may call it) and its handler.
 */
export function checkRoles(app: FastifyInstance, authenticate: Authenticate) {
  app.addHook("onRoute", (route) => {
    const allowed = route.config?.roles;
    if (!allowed) return;
    const check: preHandlerAsyncHookHandler = async (request) => {
      callers.set(request, await authenticate(request, allowed));
    };
    route.preHandler = [check, ...[route.preHandler ?? []].flat()] as never;
  });
}
