import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ConfirmationBanner } from "@/components/success-banner";
import { getCurrentUser } from "@/lib/auth/session";
import { siteOrigin } from "@/lib/web/request-context";
import { safeReturnPath } from "@/lib/domain/validation/auth";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[]; done?: string | string[] }> }) {
  const { callbackUrl, done } = await searchParams;
  const returnTo = safeReturnPath(callbackUrl, await siteOrigin());
  if (await getCurrentUser()) redirect(returnTo);
  return (
    <div className="max-w-xl">
      <h1>Sign in</h1>
      <ConfirmationBanner scope="session" done={done} />
      <p className="mb-6">For council staff and councillors. The public partner pages need no account.</p>
      <LoginForm callbackUrl={returnTo} />
    </div>
  );
}
