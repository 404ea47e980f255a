import { FastifyInstance, onSendAsyncHookHandler, preHandlerAsyncHookHandler } from "fastify";

/**
 * Adds hooks to the routes of the given methods only (as each route is registered), so that the
 * reads, the status above all, do not run hooks that only concern writes.
 */
export function hookRoutesOf(
  app: FastifyInstance,
  methods: readonly string[],
  hooks: { preHandler?: preHandlerAsyncHookHandler; onSend?: onSendAsyncHookHandler },
) {
  app.addHook("onRoute", (route) => {
    if (![route.method].flat().some((m) => methods.includes(m))) return;
    for (const [name, hook] of Object.entries(hooks) as ["preHandler" | "onSend", never][]) {
      const given = route[name] as unknown;
      route[name] = (given === undefined ? [hook] : [given, hook].flat()) as never;
    }
  });
}
