import * as client from "openid-client";
import { createRemoteJWKSet, jwtVerify } from "jose";
import { errors } from "../../domain/errors";
import { Principal, rolesIn } from "./tokens";

/** What the browser keeps (encrypted) between leaving for the provider and coming back. */
export interface PendingSignIn {
  verifier: string;
  state: string;
  nonce: string;
  returnTo: string;
}

export interface SignedIn extends Principal {
  /** Handed back to the provider on sign-out (RP-initiated logout). */
  idToken: string;
}

/** The city's identity provider as the pages sign in there: authorization code with PKCE (S256). */
export interface SignInProvider {
  begin(redirectUri: string, returnTo: string, lang: string): Promise<{ url: string; pending: PendingSignIn }>;
  finish(callbackUrl: URL, pending: PendingSignIn): Promise<SignedIn>;
  /** Where to send the browser to sign out at the provider too; undefined when it has no end-session endpoint. */
  endUrl(idToken: string, after: string): Promise<string | undefined>;
}

export interface SignInProviderSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  rolesClaim: string;
}

/** A development provider on this machine may speak plain HTTP; the city's must use TLS. */
const isLocal = (url: URL) => url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);

/** openid-client (the certified relying party library); discovery is done on first use and again after a failure. */
export function oidcSignIn(settings: SignInProviderSettings): SignInProvider {
  let discovered: Promise<{ config: client.Configuration; keys: ReturnType<typeof createRemoteJWKSet> }> | undefined;
  const provider = () => {
    discovered ??= (async () => {
      const issuer = new URL(settings.issuer);
      const config = await client.discovery(issuer, settings.clientId, settings.clientSecret, undefined, {
        execute: isLocal(issuer) ? [client.allowInsecureRequests] : [],
        timeout: 5,
      });
      const jwksUri = config.serverMetadata().jwks_uri;
      if (!jwksUri) throw new Error("the provider publishes no jwks_uri");
      // Its ID tokens are checked against its published keys, fetched again whenever a token names a
      // key id not yet seen (a rotated key). Only the provider's own token endpoint hands us ID tokens,
      // so no cool-down is needed against floods of made-up key ids.
      return { config, keys: createRemoteJWKSet(new URL(jwksUri), { cooldownDuration: 0, timeoutDuration: 5_000 }) };
    })();
    return discovered.catch(() => {
      discovered = undefined;
      throw errors.identityProviderUnavailable();
    });
  };
  return {
    async begin(redirectUri, returnTo, lang) {
      const { config } = await provider();
      const pending = { verifier: client.randomPKCECodeVerifier(), state: client.randomState(), nonce: client.randomNonce(), returnTo };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: "openid profile",
        code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
        code_challenge_method: "S256",
        state: pending.state,
        nonce: pending.nonce,
        ui_locales: lang,
      });
      return { url: url.href, pending };
    },
    async finish(callbackUrl, pending) {
      const { config, keys } = await provider();
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.id_token;
      if (!idToken) throw errors.signInFailed("the provider sent no ID token");
      const { payload } = await jwtVerify(idToken, keys, { issuer: config.serverMetadata().issuer, audience: settings.clientId });
      return { subject: String(payload.sub), roles: rolesIn(payload, settings.rolesClaim), idToken };
    },
    async endUrl(idToken, after) {
      const { config } = await provider();
      if (!config.serverMetadata().end_session_endpoint) return undefined;
      return client.buildEndSessionUrl(config, { id_token_hint: idToken, post_logout_redirect_uri: after }).href;
    },
  };
}
