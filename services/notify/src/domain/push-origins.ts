/** The public push services of Chrome, Firefox, Safari and Edge. */
export const defaultPushOrigins = [
  "https://fcm.googleapis.com",
  "https://updates.push.services.mozilla.com",
  "https://web.push.apple.com",
  "https://*.notify.windows.com",
];

export type OriginRule = { exact: string } | { suffix: string };

/** Parses PUSH_ALLOWED_ORIGINS: comma-separated https origins; "https://*.host" allows its subdomains. */
export function parseOriginRules(list: string): OriginRule[] {
  return list
    .split(",")
    .map((o) => o.trim())
    .filter(Boolean)
    .map((o) => {
      const wildcard = /^https:\/\/\*\.([\w.-]+)$/.exec(o);
      if (wildcard) return { suffix: `.${wildcard[1]}` };
      const url = new URL(o);
      if (url.protocol !== "https:" || url.origin !== o) throw new Error(`"${o}" is not an https origin`);
      return { exact: url.origin };
    });
}

/** An endpoint may only point at an allowed push service: anything else would let us be aimed at any host. */
export function isAllowedEndpoint(endpoint: string, rules: OriginRule[]): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.protocol !== "https:" || url.username || url.password) return false;
  return rules.some((r) => ("exact" in r ? url.origin === r.exact : url.port === "" && url.hostname.endsWith(r.suffix)));
}
