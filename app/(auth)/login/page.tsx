import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { ACCOUNT_PATH } from "@/lib/auth/guard";
import { getCurrentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in" };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(first(params.callbackUrl));
  // Signed in already (the form reloads this page after a successful sign-in): on to the page
  // asked for, or first to the account page when the password is a one-time one.
  const user = await getCurrentUser();
  if (user) redirect(user.mustChangePassword ? `${ACCOUNT_PATH}?${new URLSearchParams({ callbackUrl })}` : callbackUrl);

  // Someone arriving with a return address was sent here from a page: their session is gone or never was.
  const notice = first(params.error)
    ? "Sign-in failed. Try again."
    : callbackUrl !== "/"
      ? "Sign in to continue."
      : undefined;

  return (
    <>
      <h1 className="text-xl font-semibold tracking-tight">Sign in</h1>
      <p className="mb-6 mt-1 text-sm text-slate-600 dark:text-slate-400">VICIdial Admin dashboard</p>
      <LoginForm callbackUrl={callbackUrl} notice={notice} />
    </>
  );
}
