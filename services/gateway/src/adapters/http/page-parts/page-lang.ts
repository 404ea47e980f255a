import { FastifyReply, FastifyRequest } from "fastify";
import { Lang, languages } from "@crisis/platform/contracts";

const isLang = (value: unknown): value is Lang => typeof value === "string" && (languages as readonly string[]).includes(value);

/** `?lang=en` wins and is remembered in a cookie; then the cookie; Japanese otherwise. */
export function pageLang(request: FastifyRequest, reply: FastifyReply): Lang {
  const asked = (request.query as Record<string, unknown> | undefined)?.lang;
  if (isLang(asked)) reply.header("set-cookie", `lang=${asked}; Path=/; Max-Age=31536000; SameSite=Lax`);
  const cookie = /(?:^|;\s*)lang=(\w+)/.exec(request.headers.cookie ?? "")?.[1];
  const lang = isLang(asked) ? asked : isLang(cookie) ? cookie : "ja";
  // The service worker keeps a copy per language by this header.
  reply.header("content-language", lang);
  return lang;
}
