import "server-only";
import type { NextAuthOptions, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { clientInfo, clientInfoFrom } from "./request-info";
import { sessionClaimsSchema, type SessionClaims } from "./claims";
import { oidcProvider } from "./oidc/provider";
import { SSO_REFUSALS } from "./oidc/refusals";
import { effectiveRoleMap, oidcClientSettings, OIDC_PROVIDER_ID } from "./oidc/settings";
import { signInWithProvider } from "./oidc/sign-in";
import { sessionLimits } from "./session-lifetime";
import { signInWithPassword, type SignedInUser } from "./sign-in";

export const UNAVAILABLE = SSO_REFUSALS.Unavailable;

/** Start-up sets AUTH_SECRET (from the environment, or generated and kept in DATA_DIR). */
export function authSecret(): string {
  const secret = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set: the dashboard's start-up sets it; was instrumentation skipped?");
  return secret;
}

/**
 * The public URL. NEXTAUTH_URL, when set, fixes it. Otherwise the dashboard runs behind whatever
 * host name people use, so next-auth v4 is told to trust the Host / X-Forwarded-Host and
 * X-Forwarded-Proto headers (AUTH_TRUST_HOST; Next sets both from the socket when no proxy did).
 * Cookies are then Secure exactly when the page was served over HTTPS.
 */
function trustHostUnlessUrlIsSet(): void {
  if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= "true";
}

type SignedIn = User & { claims: SessionClaims };

const claimsOf = (user: SignedInUser): SessionClaims => ({
  uid: user.id,
  username: user.username,
  name: user.displayName,
  role: user.role,
  sv: user.sessionVersion,
  signedInAt: Math.floor(Date.now() / 1000),
});

/**
 * Built per call, not at import: the secret only exists once start-up ran, and the build
 * imports this module without one.
 */
export function authOptions(): NextAuthOptions {
  trustHostUnlessUrlIsSet();
  // The cookie lives as long as a session can; idle and absolute expiry are checked on every request.
  const { maxAgeSeconds } = sessionLimits();
  const sso = oidcClientSettings();
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: maxAgeSeconds },
    jwt: { maxAge: maxAgeSeconds },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Username and password",
        credentials: { username: { label: "Username", type: "text" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req): Promise<SignedIn> {
          const headers = (req?.headers ?? {}) as Record<string, string | undefined>;
          let result;
          try {
            result = await signInWithPassword({
              username: credentials?.username ?? "",
              password: credentials?.password ?? "",
              ...clientInfoFrom((name) => headers[name]),
            });
          } catch (error) {
            console.error("sign-in failed unexpectedly", error);
            throw new Error(UNAVAILABLE);
          }
          // next-auth v4 hands a thrown message to the sign-in form as `error`.
          if (!result.ok) throw new Error(result.message);
          const { user } = result;
          return { id: String(user.id), name: user.displayName, claims: claimsOf(user) };
        },
      }),
      ...(sso ? [oidcProvider(sso)] : []),
    ],
    callbacks: {
      /**
       * Single sign-on ends here: the claims the provider vouched for (state and PKCE checked,
       * the ID token verified by next-auth) become a user of ours, or a refusal shown on the
       * login page. Credentials sign-ins were decided in authorize() already.
       */
      async signIn({ user, account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID || !sso) return true;
        let result;
        try {
          const { map } = await effectiveRoleMap();
          result = await signInWithProvider({ issuer: sso.issuer, claims: { ...profile } }, { roleClaim: sso.roleClaim, roleMap: map }, await clientInfo());
        } catch (error) {
          console.error("single sign-on failed unexpectedly", error);
          return "/login?error=Unavailable";
        }
        if (!result.ok) return `/login?error=${result.refusal}`;
        (user as SignedIn).claims = claimsOf(result.user);
        return true;
      },
      jwt({ token, user }) {
        if (!user) return token;
        const claims = sessionClaimsSchema.parse((user as SignedIn).claims);
        return { sub: String(claims.uid), ...claims };
      },
      // The session read by getCurrentUser: the claims and nothing else (no email, no image).
      session({ session, token }) {
        const parsed = sessionClaimsSchema.safeParse(token);
        const out = { expires: session.expires, claims: parsed.success ? parsed.data : null };
        return out;
      },
      // Only our own pages: a callbackUrl pointing elsewhere lands on the overview.
      redirect({ url, baseUrl }) {
        if (url.startsWith("/") && !url.startsWith("//")) return `${baseUrl}${url}`;
        try {
          return new URL(url).origin === baseUrl ? url : baseUrl;
        } catch {
          return baseUrl;
        }
      },
    },
  };
}
