import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/link";
import { resetLinkWorks } from "@/lib/auth/password-reset";
import { NewPasswordForm } from "./new-password-form";

export async function generateMetadata(): Promise<Metadata> {
  // The address carries the link's token: never indexed (proxy.ts sends it with no Referer and no caching).
  return { title: (await getTranslations("auth"))("reset.chooseTitle"), robots: { index: false, follow: false } };
}

/**
 * The page a reset link opens. Opening it uses nothing up (mail scanners open links): the link is
 * used when the new password is posted.
 */
export default async function ChooseNewPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("auth.reset");
  if (!(await resetLinkWorks(token))) {
    return (
      <div className="max-w-xl">
        <h1>{t("usedTitle")}</h1>
        <p className="mb-6">{t("usedBody")}</p>
        <p>
          <Link href="/password-reset">{t("askAgain")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="max-w-xl">
      <h1>{t("chooseTitle")}</h1>
      <p className="mb-6">{t("chooseIntro")}</p>
      <NewPasswordForm token={token} />
    </div>
  );
}
