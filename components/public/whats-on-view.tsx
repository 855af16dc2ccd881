import { useTranslations } from "next-intl";
import { Link } from "@/components/link";
import { FilterSelect } from "@/components/filter-form";
import { Pagination } from "@/components/pagination";
import { CalendarSubscribe } from "@/components/public/calendar-subscribe";
import { PublicEventList } from "@/components/public/event-list";
import type { WhatsOnEvent } from "@/lib/domain/whats-on";
import type { Page } from "@/lib/domain/pagination";
import { localizedPath } from "@/lib/i18n/locales";
import { usePageLocale } from "@/lib/i18n/navigation";

type Props = {
  when: "upcoming" | "past";
  councilName: string;
  origin: string;
  events: Page<WhatsOnEvent>;
  partners: { slug: string; name: string }[];
  partner: { slug: string; name: string } | null;
};

/** /whats-on and /whats-on/past: a GET filter by partner (works without JavaScript), the events, their pages, and how to subscribe. */
export function WhatsOnView({ when, councilName, origin, events, partners, partner }: Props) {
  const t = useTranslations("whatsOn");
  const locale = usePageLocale();
  const path = when === "past" ? "/whats-on/past" : "/whats-on";
  const other = when === "past" ? "/whats-on" : "/whats-on/past";
  const otherHref = partner ? `${other}?partner=${encodeURIComponent(partner.slug)}` : other;
  const none = when === "past" ? (partner ? t("nonePastForPartner", { partner: partner.name }) : t("nonePast")) : partner ? t("noneForPartner", { partner: partner.name }) : t("none");
  return (
    <>
      <h1>{when === "past" ? t("pastTitle") : t("title")}</h1>
      <p className="max-w-3xl text-lg">{when === "past" ? t("pastIntro", { council: councilName }) : t("intro", { council: councilName })}</p>
      <p>
        <Link href={otherHref}>{when === "past" ? t("upcomingLink") : t("pastLink")}</Link>
      </p>

      {partners.length > 0 ? (
        <form method="get" action={localizedPath(path, locale)} role="search" aria-label={t("filterLabel")} className="my-6 flex flex-wrap items-end gap-4 rounded bg-slate-100 p-4">
          <FilterSelect name="partner" label={t("partner")} value={partner?.slug} options={partners.map(({ slug, name }) => ({ value: slug, label: name }))} anyLabel={t("anyPartner")} />
          <button type="submit" className="button">
            {t("apply")}
          </button>
          {partner ? <Link href={path}>{t("clear")}</Link> : null}
        </form>
      ) : null}

      <section aria-labelledby="events-heading">
        <h2 id="events-heading" className="sr-only">
          {when === "past" ? t("pastTitle") : t("upcomingLink")}
        </h2>
        <p className="text-slate-700">{t("count", { count: events.total })}</p>
        {events.items.length === 0 ? <p className="font-semibold">{none}</p> : <PublicEventList events={events.items} upcoming={when === "upcoming"} withPartner />}
        {events.pageCount > 1 ? (
          <Pagination page={events.page} pageCount={events.pageCount} total={events.total} params={{ partner: partner?.slug }} basePath={path} noun={t("noun")} label={t("pages")} />
        ) : null}
      </section>

      {when === "upcoming" ? <CalendarSubscribe origin={origin} feedPath="/open-data/events.ics" /> : null}
    </>
  );
}
