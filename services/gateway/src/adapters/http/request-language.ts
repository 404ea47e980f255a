import { FastifyRequest } from "fastify";
import { ResidentLang, negotiateLanguage, residentLangOf } from "@crisis/platform/contracts";

/**
 * The language a request asks for: the one its page chose (the `lang` cookie), then its
 * Accept-Language; undefined when it names none the hub has.
 */
export function requestLanguage(request: FastifyRequest): ResidentLang | undefined {
  const cookie = /(?:^|;\s*)lang=([\w-]+)/.exec(request.headers.cookie ?? "")?.[1];
  return (cookie ? residentLangOf(cookie) : undefined) ?? negotiateLanguage(request.headers["accept-language"]);
}
