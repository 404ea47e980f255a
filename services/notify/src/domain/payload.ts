import { ResidentLang } from "@crisis/platform/contracts";

/** What the service worker shows: one notification per declaration, tagged so a repeat replaces it. */
export interface AlertMessage {
  alertId: string;
  lang: ResidentLang;
  title: string;
  body: string;
  url: string;
  tag: string;
}

/**
 * The most plaintext one push can carry: a 4096-byte aes128gcm body less its header (21 bytes
 * and the 65-byte sender key), the 16-byte tag and the 1-byte delimiter (RFC 8291).
 */
export const maxPayloadBytes = 4096 - 86 - 17;

const utf8 = new TextEncoder();

/** Shortens the body (never the title or the page) until the JSON fits one push. */
export function fitted(message: AlertMessage): AlertMessage {
  const bytes = (m: AlertMessage) => utf8.encode(JSON.stringify(m)).length;
  let chars = [...message.body];
  let fit = message;
  while (bytes(fit) > maxPayloadBytes && chars.length > 0) {
    chars = chars.slice(0, -16);
    fit = { ...message, body: `${chars.join("")}…` };
  }
  return fit;
}
