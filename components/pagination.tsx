import { useTranslations } from "next-intl";
import { Link } from "@/components/link";

/** Previous/next links that keep the current filters in the query string, in the page's language. */
/** `pageParam` and `label`: for a page with two paginated lists, each with its own parameter and landmark name. `noun` is given in the page's language ("results" when left out). */
export function Pagination({
  page,
  pageCount,
  total,
  params,
  basePath,
  noun,
  pageParam = "page",
  label,
}: {
  page: number;
  pageCount: number;
  total: number;
  params: Record<string, string | undefined>;
  basePath: string;
  noun?: string;
  pageParam?: string;
  label?: string;
}) {
  const t = useTranslations("common.pagination");
  const href = (target: number) => {
    const query = new URLSearchParams(Object.entries({ ...params, [pageParam]: String(target) }).filter((entry): entry is [string, string] => Boolean(entry[1])));
    return `${basePath}?${query.toString()}`;
  };
  return (
    <nav aria-label={label ?? t("label")} className="mt-6 flex flex-wrap items-center gap-4">
      <p className="m-0">{t("summary", { total: String(total), noun: noun ?? t("results"), page: String(page), pageCount: String(pageCount) })}</p>
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev">
          {t("previous")}
        </Link>
      ) : null}
      {page < pageCount ? (
        <Link href={href(page + 1)} rel="next">
          {t("next")}
        </Link>
      ) : null}
    </nav>
  );
}
