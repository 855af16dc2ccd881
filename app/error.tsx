"use client";

import { useTranslations } from "next-intl";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("common.error");
  return (
    <>
      <h1>{t("heading")}</h1>
      <p>{t("body")}</p>
      <button type="button" className="button" onClick={reset}>
        {t("retry")}
      </button>
    </>
  );
}
