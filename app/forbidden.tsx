import { useTranslations } from "next-intl";
import { Link } from "@/components/link";

export default function Forbidden() {
  const t = useTranslations("common.forbidden");
  return (
    <>
      <h1>{t("heading")}</h1>
      <p>{t("body")}</p>
      <p>
        <Link href="/dashboard">{t("link")}</Link>
      </p>
    </>
  );
}
