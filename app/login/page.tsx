import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { Link } from "@/components/link";
import { ErrorSummary } from "@/components/form/error-summary";
import { ConfirmationBanner } from "@/components/success-banner";
import { readServerEnv } from "@/lib/config/env";
import { getCurrentUser, signInLanding } from "@/lib/auth/session";
import { getUserLanguage } from "@/lib/data/users";
import { readPendingSignIn } from "@/lib/auth/two-step-sign-in";
import { siteOrigin } from "@/lib/web/request-context";
import { getPageLocale } from "@/lib/i18n/server";
import { safeReturnPath } from "@/lib/domain/validation/auth";
import { SSO_REFUSALS, type SsoRefusal } from "@/lib/auth/sso-sign-in";
import { LoginForm } from "./login-form";
import { SsoSignInForm } from "./sso-form";
import { TwoStepSignInForm } from "./two-step-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("title") };
}

/**
 * Why single sign-on came back here: a refusal of ours (?sso=, lib/auth/sso-sign-in.ts), or
 * NextAuth's ?error= (the provider answered with an error, or could not be reached): "failed".
 */
function ssoProblem(sso: unknown, error: unknown): SsoRefusal | null {
  if (typeof sso === "string" && (SSO_REFUSALS as readonly string[]).includes(sso)) return sso as SsoRefusal;
  return typeof error === "string" && error !== "" ? "failed" : null;
}

type SearchParams = { callbackUrl?: string | string[]; done?: string | string[]; sso?: string | string[]; error?: string | string[] };

export default async function LoginPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { callbackUrl, done, sso, error } = await searchParams;
  const returnTo = safeReturnPath(callbackUrl, await siteOrigin());
  const user = await getCurrentUser();
  // Signed in (also where single sign-on comes back to: lib/auth/sso-start.ts): to the return address, in the user's language.
  if (user) redirect(signInLanding((await getUserLanguage(user.id)) ?? "en", returnTo, await getPageLocale()));
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
  const oidc = readServerEnv().oidc;
  const problem = oidc ? ssoProblem(sso, error) : null;
  return (
    <div className="max-w-xl">
      <h1>{t("title")}</h1>
      {problem ? <ErrorSummary errors={[]} formError={t(`sso.refused.${problem}`)} /> : null}
      <ConfirmationBanner scope="session" done={done} />
      <p className="mb-6">{t("intro")}</p>
      {oidc ? (
        <section aria-labelledby="sso-heading" className="mb-8">
          <h2 id="sso-heading">{t("sso.heading")}</h2>
          {oidc.displayName ? <p>{t("sso.provider", { name: oidc.displayName })}</p> : null}
          <SsoSignInForm callbackUrl={returnTo} />
        </section>
      ) : null}
      {oidc ? <h2>{t("sso.passwordHeading")}</h2> : null}
      <LoginForm callbackUrl={returnTo} />
      <p className="mt-6">
        <Link href="/password-reset">{t("forgotPassword")}</Link>
      </p>
    </div>
  );
}
