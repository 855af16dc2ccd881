import { useTranslations } from "next-intl";

/**
 * How to subscribe to a calendar feed: its address, the webcal link, and the steps for Outlook,
 * Google and Apple calendars. The one home of this help: /whats-on, the partner pages and the
 * staff's /events show it.
 */
export function CalendarSubscribe({ origin, feedPath, heading, intro, id = "feed" }: { origin: string; feedPath: string; heading?: string; intro?: string; id?: string }) {
  const t = useTranslations("whatsOn.feed");
  const feedUrl = `${origin}${feedPath}`;
  const webcalUrl = feedUrl.replace(/^https?:/, "webcal:");
  return (
    <section aria-labelledby={`${id}-heading`} className="mt-10 max-w-3xl rounded border border-slate-300 p-4">
      <h2 id={`${id}-heading`} className="mt-0">
        {heading ?? t("heading")}
      </h2>
      <p>{intro ?? t("intro")}</p>
      <p>
        <label htmlFor={`${id}-url`} className="label">
          {t("address")}
        </label>
        <input id={`${id}-url`} type="text" readOnly value={feedUrl} className="input font-mono" />
      </p>
      <ul className="list-disc space-y-1 pl-5">
        <li>
          <a href={webcalUrl}>{t("subscribe")}</a> {t("subscribeNote")}
        </li>
        <li>{t("outlook")}</li>
        <li>{t("google")}</li>
        <li>{t("apple")}</li>
        <li>
          <a href={feedPath} download>
            {t("download")}
          </a>{" "}
          {t("downloadNote")}
        </li>
      </ul>
      <p className="hint">{t("refresh")}</p>
    </section>
  );
}
