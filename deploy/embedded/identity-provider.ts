/**
 * The development identity provider of the embedded run and the tests: oidc-provider (the certified
 * Node implementation) with seeded accounts, one per role and one per staff member of the roster.
 * The gateway signs the pages in here exactly as it would at the city's provider (Entra ID, Keycloak…).
 * SIGHUP loads the keys file again (after `npm run sign-in-key:rotate`); sign-ins in progress are kept.
 */
import { createServer, IncomingMessage, ServerResponse } from "node:http";
import { timingSafeEqual } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import Provider, { type Configuration, type KoaContextWithOIDC } from "oidc-provider";
import { createLogger } from "@crisis/platform";
import { generateCity } from "../../services/staffing/src/fixtures";
import { loadRoster } from "../../services/staffing/src/adapters/data/load-roster";
import { loadOrCreateProviderKeys, pidFile, roleAccounts } from "./identity-provider-keys";

interface Account {
  name: string;
  roles: string[];
}

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

/** Accounts by login: the role accounts, then every staff member by staff id (role staff). */
function seededAccounts(): Map<string, { sub: string } & Account> {
  const accounts = new Map<string, { sub: string } & Account>();
  for (const role of roleAccounts) accounts.set(role, { sub: `${role}@embedded`, name: role, roles: [role] });
  const { STAFFING_ROSTER_CSV: roster, STAFFING_DEPARTMENTS_CSV: departments, STAFFING_SYNTHETIC_SEED: seed } = process.env;
  const staff =
    roster && departments ? loadRoster(roster, departments).roster.staff : generateCity({ seed: Number(seed ?? 20260728) }).staff;
  for (const person of staff) accounts.set(person.id, { sub: person.id, name: person.name, roles: ["staff"] });
  return accounts;
}

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

const loginPage = (uid: string, error: string, login = "") => `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>サインイン — 熊本市 開発用認証</title>
<style>body{font-family:sans-serif;max-width:24rem;margin:2rem auto;padding:0 1rem}input,button{font-size:1.1rem;width:100%;padding:.5rem;margin:.25rem 0 1rem;box-sizing:border-box}.error{color:#a00}</style>
</head><body>
<h1>サインイン</h1>
<p>開発用の認証サーバーです（Development identity provider）。</p>
${error ? `<p class="error" role="alert">${escape(error)}</p>` : ""}
<form method="post" action="/interaction/${escape(uid)}/login">
<label for="login">ユーザー名または職員番号 (user name or staff id)</label>
<input id="login" name="login" autocomplete="username" required value="${escape(login)}">
<label for="password">パスワード (password)</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">サインイン</button>
</form></body></html>`;

/** RP-initiated logout: the person already pressed サインアウト on the gateway, so the form goes on by itself. */
async function logoutSource(ctx: KoaContextWithOIDC, form: string) {
  ctx.type = "html";
  ctx.body = `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>サインアウト</title></head><body>
${form.replace("</form>", '<input type="hidden" name="logout" value="yes"></form>')}
<p>サインアウトしています… <button type="submit" form="op.logoutForm">サインアウト</button></p>
<script>document.forms[0].submit()</script></body></html>`;
}

const readBody = (req: IncomingMessage) =>
  new Promise<URLSearchParams>((resolve, reject) => {
    let text = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      text += chunk;
      if (text.length > 10_000) req.destroy(new Error("form too large"));
    });
    req.on("end", () => resolve(new URLSearchParams(text)));
    req.on("error", reject);
  });

const samePassword = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

async function main() {
  const logger = createLogger("identity-provider");
  const issuer = env("IDP_ISSUER");
  const port = Number(new URL(issuer).port || 80);
  const dir = env("IDP_DIR");
  const password = env("IDP_PASSWORD");
  const accounts = seededAccounts();
  const bySub = new Map([...accounts.values()].map((a) => [a.sub, a]));

  const configuration = (): Configuration => {
    const keys = loadOrCreateProviderKeys(dir);
    return {
      clients: [
        {
          client_id: env("IDP_CLIENT_ID"),
          client_secret: env("IDP_CLIENT_SECRET"),
          redirect_uris: [env("IDP_REDIRECT_URI")],
          post_logout_redirect_uris: [env("IDP_POST_LOGOUT_URI")],
          response_types: ["code"],
          grant_types: ["authorization_code"],
          token_endpoint_auth_method: "client_secret_post",
          id_token_signed_response_alg: "ES256",
        },
      ],
      jwks: { keys: keys.signing },
      cookies: { keys: keys.cookies },
      findAccount: async (_ctx, sub) => {
        const account = bySub.get(sub);
        return account && { accountId: sub, claims: async () => ({ sub, name: account.name, roles: account.roles }) };
      },
      // The gateway reads the roles from the ID token, as it does from the city's provider.
      claims: { openid: ["sub"], profile: ["name", "roles"] },
      conformIdTokenClaims: false,
      pkce: { required: () => true },
      features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true, logoutSource } },
      interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
      // The city's own pages are a first-party client: no consent screen.
      loadExistingGrant: async (ctx) => {
        const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
        if (grantId) return ctx.oidc.provider.Grant.find(grantId);
        const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId });
        grant.addOIDCScope("openid profile");
        await grant.save();
        return grant;
      },
    };
  };

  // Replaced on SIGHUP; the in-memory store of sign-ins is shared by every instance in this process.
  let provider = new Provider(issuer, configuration());
  let handle = provider.callback();

  const interaction = async (req: IncomingMessage, res: ServerResponse, uid: string, submitting: boolean) => {
    const current = provider;
    const details = await current.interactionDetails(req, res);
    if (details.uid !== uid) throw new Error("this sign-in has expired; start again from the page");
    const send = (status: number, html: string) =>
      res.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }).end(html);
    if (!submitting) return send(200, loginPage(uid, ""));
    const form = await readBody(req);
    const login = (form.get("login") ?? "").trim();
    const account = accounts.get(login);
    if (!account || !samePassword(form.get("password") ?? "", password))
      return send(401, loginPage(uid, "ユーザー名かパスワードが違います (wrong user name or password)", login));
    logger.info({ sub: account.sub }, "signed in");
    await current.interactionFinished(req, res, { login: { accountId: account.sub } }, { mergeWithLastSubmission: false });
  };

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", issuer).pathname;
    const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(path);
    if (!match) return void handle(req, res);
    interaction(req, res, match[1], req.method === "POST" && match[2] !== undefined).catch((err: Error) => {
      logger.warn({ err }, "sign-in page failed");
      if (!res.headersSent) res.writeHead(400, { "content-type": "text/plain; charset=utf-8" }).end(err.message);
    });
  });
  process.on("SIGHUP", () => {
    provider = new Provider(issuer, configuration());
    handle = provider.callback();
    logger.info({ kid: loadOrCreateProviderKeys(dir).signing[0].kid }, "signing keys loaded again");
  });
  const stop = () => {
    rmSync(pidFile(dir), { force: true });
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  await new Promise<void>((resolve) => server.listen(port, new URL(issuer).hostname.replace(/^\[|\]$/g, ""), resolve));
  writeFileSync(pidFile(dir), String(process.pid));
  logger.info({ issuer, accounts: accounts.size }, "identity provider ready");
}

main().catch((err: Error) => {
  process.stderr.write(`identity provider could not start: ${err.message}\n`);
  process.exit(1);
});
