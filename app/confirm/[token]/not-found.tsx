import { getTranslations } from "next-intl/server";
import { getConfirmationPage } from "@/lib/data/contacts";
import { getPagePath } from "@/lib/i18n/server";

/**
 * A confirmation link that does not work (404): why, in the page's language — used, expired,
 * outdated by a change of the terms, or not a link at all (forged, mistyped, long gone). Not-found
 * pages are given no parameters: the token is read from the page's own address.
 */
export default async function ConfirmationLinkNotFound() {
  const path = (await getPagePath()) ?? "";
  const token = /^\/confirm\/([^/?#]+)/.exec(path)?.[1] ?? "";
  const [page, t] = await Promise.all([getConfirmationPage(safeDecode(token)), getTranslations("partnerConfirmation.page")]);
  const reason = page.kind === "unusable" ? page.reason : "unknown";
  return (
    <div className="max-w-2xl">
      <h1>{t(`${reason}Title`)}</h1>
      <p>{t(`${reason}Body`)}</p>
    </div>
  );
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return "";
  }
}
