import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { Link } from "@/components/link";
import { ConfirmationBanner } from "@/components/success-banner";
import { getCurrentUser } from "@/lib/auth/session";
import { readPendingSignIn } from "@/lib/auth/two-step-sign-in";
import { siteOrigin } from "@/lib/web/request-context";
import { safeReturnPath } from "@/lib/domain/validation/auth";
import { LoginForm } from "./login-form";
import { TwoStepSignInForm } from "./two-step-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[]; done?: string | string[] }> }) {
  const { callbackUrl, done } = await searchParams;
  const returnTo = safeReturnPath(callbackUrl, await siteOrigin());
  if (await getCurrentUser()) redirect(returnTo);
  const t = await getTranslations("auth");
  // The right password was given and two-step verification asks for a code (lib/auth/two-step-sign-in.ts).
  if (await readPendingSignIn()) {
    return (
      <div className="max-w-xl">
        <h1>{t("title")}</h1>
        <p className="mb-6">{t("twoStep.intro")}</p>
        <TwoStepSignInForm callbackUrl={returnTo} />
      </div>
    );
  }
  return (
    <div className="max-w-xl">
      <h1>{t("title")}</h1>
      <ConfirmationBanner scope="session" done={done} />
      <p className="mb-6">{t("intro")}</p>
      <LoginForm callbackUrl={returnTo} />
      <p className="mt-6">
        <Link href="/password-reset">{t("forgotPassword")}</Link>
      </p>
    </div>
  );
}
