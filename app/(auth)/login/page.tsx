import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/forms";
import { SsoSignIn } from "@/components/auth/sso-sign-in";
import { ErrorCallout } from "@/components/ui";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { ACCOUNT_PATH } from "@/lib/auth/guard";
import { refusalMessage } from "@/lib/auth/oidc/refusals";
import { oidcClientSettings, OIDC_PROVIDER_ID } from "@/lib/auth/oidc/settings";
import { getCurrentUser } from "@/lib/auth/session";
import { env } from "@/lib/config/env";

export const metadata: Metadata = { title: "Sign in" };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The login page's own URL with the way back kept: `method=local` opens the local form. */
function loginHref(callbackUrl: string, method?: "local"): string {
  const params = new URLSearchParams();
  if (method) params.set("method", method);
  if (callbackUrl !== "/") params.set("callbackUrl", callbackUrl);
  const query = params.toString();
  return query ? `/login?${query}` : "/login";
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(first(params.callbackUrl));
  // Signed in already (the form reloads this page after a successful sign-in): on to the page
  // asked for, or first to the account page when the password is a one-time one.
  const user = await getCurrentUser();
  if (user) redirect(user.mustChangePassword ? `${ACCOUNT_PATH}?${new URLSearchParams({ callbackUrl })}` : callbackUrl);

  const sso = oidcClientSettings();
  // Start-up refuses LOCAL_LOGIN=off without single sign-on, so one of the two is always offered.
  const localAllowed = env().LOCAL_LOGIN !== "off";
  // With single sign-on, the provider's button comes first and the local form is one link away.
  const showLocal = localAllowed && (!sso || first(params.method) === "local");
  const errorCode = first(params.error);
  const refusal = refusalMessage(errorCode);

  // Someone arriving with a return address was sent here from a page: their session is gone or never was.
  const notice = errorCode && !refusal ? "Sign-in failed. Try again." : !refusal && callbackUrl !== "/" ? "Sign in to continue." : undefined;

  return (
    <>
      <h1 className="text-xl font-semibold tracking-tight">Sign in</h1>
      <p className="mb-6 mt-1 text-sm text-slate-600 dark:text-slate-400">VICIdial Admin dashboard</p>
      {refusal && <ErrorCallout className="mb-4" title="Sign-in refused" error={{ kind: "unauthorized", message: refusal }} />}
      {showLocal ? (
        <>
          <LoginForm callbackUrl={callbackUrl} notice={notice} />
          {sso && (
            <p className="mt-4 text-center text-sm">
              <Link href={loginHref(callbackUrl)} className="text-brand-700 underline dark:text-brand-300">
                Sign in with {sso.name} instead
              </Link>
            </p>
          )}
        </>
      ) : (
        sso && (
        <>
          {notice && (
            <p role="status" className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200">
              {notice}
            </p>
          )}
          <SsoSignIn providerId={OIDC_PROVIDER_ID} providerName={sso.name} callbackUrl={callbackUrl} />
          {localAllowed && (
            <p className="mt-4 text-center text-sm">
              <Link href={loginHref(callbackUrl, "local")} className="text-slate-600 underline dark:text-slate-400">
                Use a local account
              </Link>
            </p>
          )}
        </>
        )
      )}
    </>
  );
}
