import { useTranslations } from "next-intl";
import { Link } from "@/components/link";

export default function NotFound() {
  const t = useTranslations("common.notFound");
  return (
    <>
      <h1>{t("heading")}</h1>
      <p>{t("body")}</p>
      <p>
        <Link href="/partners">{t("link")}</Link>
      </p>
    </>
  );
}
