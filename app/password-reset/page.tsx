import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/link";
import { PasswordResetRequestForm } from "./request-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("reset.title") };
}

/** "Forgot your password?" from /login: the same answer whether or not the email has an account. */
export default async function PasswordResetPage() {
  const t = await getTranslations("auth");
  return (
    <div className="max-w-xl">
      <h1>{t("reset.title")}</h1>
      <p className="mb-6">{t("reset.intro")}</p>
      <PasswordResetRequestForm />
      <p className="mt-6">
        <Link href="/login">{t("reset.backToSignIn")}</Link>
      </p>
    </div>
  );
}
