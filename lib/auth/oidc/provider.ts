import "server-only";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { TokenSet } from "openid-client";
import { OIDC_PROVIDER_ID, type OidcClientSettings } from "./settings";

type Claims = Record<string, unknown> & { sub: string };

/**
 * The identity provider as a next-auth OAuth provider: endpoints and keys from the issuer's
 * discovery document, state and PKCE checked, the ID token verified (signature, issuer, audience,
 * expiry) by next-auth's openid-client. The role claim may sit in the ID token (Entra, Okta) or
 * only in userinfo (some Keycloak set-ups), so both are read.
 */
export function oidcProvider(settings: OidcClientSettings): OAuthConfig<Claims> {
  return {
    id: OIDC_PROVIDER_ID,
    name: settings.name,
    type: "oauth",
    wellKnown: `${settings.issuer}/.well-known/openid-configuration`,
    issuer: settings.issuer,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    authorization: { params: { scope: "openid profile email" } },
    checks: ["pkce", "state"],
    idToken: true,
    userinfo: {
      async request({ tokens, client }) {
        // next-auth hands over the TokenSet its openid-client callback returned; its type says less.
        const set = tokens as TokenSet;
        const fromIdToken = set.claims();
        const fromUserinfo = await client.userinfo(set);
        // The ID token's subject is the verified one; userinfo must agree (OIDC Core 5.3.2).
        if (fromUserinfo.sub !== fromIdToken.sub) throw new Error("userinfo answered for another subject");
        return { ...fromUserinfo, ...fromIdToken };
      },
    },
    profile(claims) {
      const name = typeof claims.name === "string" ? claims.name : undefined;
      return { id: claims.sub, name: name ?? null, email: typeof claims.email === "string" ? claims.email : null };
    },
  };
}
