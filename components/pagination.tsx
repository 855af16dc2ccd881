import Link from "next/link";

/** Previous/next links that keep the current filters in the query string. */
/** `pageParam` and `label`: for a page with two paginated lists, each with its own parameter and landmark name. */
export function Pagination({
  page,
  pageCount,
  total,
  params,
  basePath,
  noun = "results",
  pageParam = "page",
  label = "Pagination",
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
  const href = (target: number) => {
    const query = new URLSearchParams(Object.entries({ ...params, [pageParam]: String(target) }).filter((entry): entry is [string, string] => Boolean(entry[1])));
    return `${basePath}?${query.toString()}`;
  };
  return (
    <nav aria-label={label} className="mt-6 flex flex-wrap items-center gap-4">
      <p className="m-0">
        {total} {noun} · page {page} of {pageCount}
      </p>
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev">
          Previous page
        </Link>
      ) : null}
      {page < pageCount ? (
        <Link href={href(page + 1)} rel="next">
          Next page
        </Link>
      ) : null}
    </nav>
  );
}
