import type { Metadata } from "next";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { connection } from "next/server";
import { notFound } from "next/navigation";
import { Link } from "@/components/link";
import { StatusTag } from "@/components/status-tag";
import { CalendarSubscribe } from "@/components/public/calendar-subscribe";
import { PublicEventList } from "@/components/public/event-list";
import { SummaryList } from "@/components/summary-list";
import { Place } from "@/components/public/place";
import { ForeignText, LocalName } from "@/components/public/local-name";
import { TranslatedText } from "@/components/public/translated-text";
import { publicReasonIn, publicSummaryIn } from "@/lib/domain/public-translations";
import { relationshipTerm } from "@/lib/domain/relationship-terms";
import { getPublicPartner, listPublicActivity } from "@/lib/data/public";
import { partnerEvents } from "@/lib/data/whats-on";
import { partnerCalendarPath } from "@/lib/domain/whats-on";
import { dateOf, labelInSentence, localityOf, safeWebsite, sinceOf, sinceYearsOf } from "@/lib/domain/public-format";
import type { PublicExchange, PublicLink } from "@/lib/domain/public-types";
import { getSettings } from "@/lib/data/settings";
import { labelsIn } from "@/lib/domain/labels";
import { formatDate, formatNumber } from "@/lib/domain/format";
import { localizedPath, OPEN_GRAPH_LOCALES } from "@/lib/i18n/locales";
import { usePageLocale } from "@/lib/i18n/navigation";
import { getPageLocale, languageAlternates } from "@/lib/i18n/server";
import { siteOrigin, siteOriginFrom } from "@/lib/web/request-context";
import { partnerPagePath } from "@/lib/open-data/partners";
import { PublicDocumentList } from "@/components/public/document-list";
import { getPublicDocumentsOfAgreements } from "@/lib/data/documents";

type Props = { params: Promise<{ slug: string }> };

async function partnerFor(params: Props["params"]) {
  const { slug } = await params;
  let decoded = slug;
  try {
    decoded = decodeURIComponent(slug);
  } catch {
    // a malformed escape is simply a slug no partner has
  }
  return getPublicPartner(decoded);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const [page, locale, t] = await Promise.all([partnerFor(params), getPageLocale(), getTranslations("public.partner")]);
  if (!page) return { title: t("notFound") };
  const [{ councilName }, requestHeaders, languages] = await Promise.all([getSettings(), headers(), languageAlternates()]);
  const { partner, links } = page;
  const link = links[0]!;
  const type = labelInSentence(labelsIn(locale).relationshipType[link.relationshipType], locale);
  const since = sinceOf(link, locale, { inline: true });
  const description = publicSummaryIn(link, locale).text || t("description", { name: partner.name, type, council: councilName, since: since ? `, ${since}` : "" });
  const url = `${siteOriginFrom(requestHeaders)}${localizedPath(partnerPagePath(partner.slug), locale)}`;
  return {
    title: partner.name,
    description,
    alternates: { ...languages, canonical: url },
    openGraph: { title: `${partner.name} · ${councilName}`, description, url, type: "website", siteName: councilName, locale: OPEN_GRAPH_LOCALES[locale] },
  };
}

function DateRange({ start, end }: { start: string; end: string | null }) {
  const locale = usePageLocale();
  const t = useTranslations("public.partner");
  const from = dateOf(start);
  const to = dateOf(end);
  if (!to || end === start) return <time dateTime={start}>{formatDate(from, locale)}</time>;
  return t.rich("dateRange", {
    from: formatDate(from, locale),
    to: formatDate(to, locale),
    start: (chunks) => <time dateTime={start}>{chunks}</time>,
    end: (chunks) => <time dateTime={end!}>{chunks}</time>,
  });
}

function StatusNotice({ link }: { link: PublicLink }) {
  const locale = usePageLocale();
  const t = useTranslations("public");
  if (link.status === "ACTIVE") return null;
  const decided = dateOf(link.statusChangedAt);
  const type = labelInSentence(labelsIn(locale).relationshipType[link.relationshipType], locale);
  const paused = link.status === "SUSPENDED";
  const reason = publicReasonIn(link, locale);
  return (
    <div className="mb-6 max-w-3xl border-l-8 border-orange-700 bg-orange-50 p-4">
      <p className="m-0 font-bold">
        {decided
          ? t.rich(paused ? "partner.pausedOn" : "partner.endedOn", {
              type,
              date: formatDate(decided, locale),
              time: (chunks) => <time dateTime={link.statusChangedAt ?? undefined}>{chunks}</time>,
            })
          : t(paused ? "partner.paused" : "partner.ended", { type })}
      </p>
      <p className="mt-2 mb-0">{reason ? <TranslatedText shown={reason} /> : t("noReason")}</p>
    </div>
  );
}

function ExchangeItem({ exchange }: { exchange: PublicExchange }) {
  const locale = usePageLocale();
  const t = useTranslations("public.partner");
  const labels = labelsIn(locale);
  return (
    <li className="py-3">
      <h3 className="mt-0 mb-1">
        {labels.exchangeKind[exchange.kind]} <span className="font-normal">({labelInSentence(labels.direction[exchange.direction], locale)})</span>
      </h3>
      <p className="m-0 text-slate-700">
        <DateRange start={exchange.startDate} end={exchange.endDate} />
      </p>
      {exchange.participantsDescription || exchange.participantCount ? (
        <p className="m-0">{t("participants", { participants: exchange.participantsDescription || String(exchange.participantCount) })}</p>
      ) : null}
      {exchange.outcomes ? <p className="mt-1 mb-0 max-w-prose">{exchange.outcomes}</p> : null}
    </li>
  );
}

export default async function PartnerPage({ params }: Props) {
  await connection();
  const [page, locale, t, tContent, tFeed] = await Promise.all([
    partnerFor(params),
    getPageLocale(),
    getTranslations("public.partner"),
    getTranslations("content.partner"),
    getTranslations("whatsOn.feed"),
  ]);
  if (!page) notFound();
  const { partner, links } = page;
  const [{ exchanges }, events, origin, tEvents] = await Promise.all([
    listPublicActivity(links.map((link) => link.agreementId)),
    partnerEvents(partner.slug),
    siteOrigin(),
    getTranslations("whatsOn.partnerPage"),
  ]);
  const documents = await getPublicDocumentsOfAgreements(links.map((link) => link.agreementId));
  const primary = links[0]!;
  const website = safeWebsite(partner.website);
  const labels = labelsIn(locale);

  return (
    <>
      <p>
        <Link href="/partners">{t("allPartners")}</Link>
      </p>
      <h1 className="mb-1">{partner.name}</h1>
      {partner.localName && partner.localNameLanguage ? <LocalName name={partner.localName} language={partner.localNameLanguage} className="mb-1 text-2xl" /> : null}
      <p className="mb-1 text-lg text-slate-700">
        <Place country={partner.country} region={partner.region} extra={localityOf(partner, locale)} />
      </p>
      <p className="mb-6 text-lg">{t("status", { status: labels.status[primary.status] })}</p>
      {links.map((link) => (
        <StatusNotice key={link.agreementId} link={link} />
      ))}
      {primary.publicSummary ? (
        <p className="max-w-prose text-lg">
          <TranslatedText shown={publicSummaryIn(primary, locale)} />
        </p>
      ) : null}

      {links.map((link) => (
        <section key={link.agreementId} aria-labelledby={`link-${link.agreementId}`}>
          <h2 id={`link-${link.agreementId}`}>
            {links.length === 1 ? t("about") : `${labels.relationshipType[link.relationshipType]}: ${labelInSentence(labels.status[link.status], locale)}`}
          </h2>
          {link.amendedAt ? <AmendedOn at={link.amendedAt} /> : null}
          {link !== primary && link.publicSummary ? (
            <p className="max-w-prose">
              <TranslatedText shown={publicSummaryIn(link, locale)} />
            </p>
          ) : null}
          <SummaryList
            rows={[
              { label: t("title"), value: link.title },
              { label: t("relationshipType"), value: labels.relationshipType[link.relationshipType] },
              { label: tContent("linkTerm"), value: termOf(link) },
              { label: t("since"), value: sinceYearsOf(link, locale) },
              { label: t("statusLabel"), value: <StatusTag status={link.status} /> },
              { label: t("confirmation"), value: link.partnerConfirmed ? <PartnerConfirmation link={link} /> : null },
              { label: t("themes"), value: link.themes.map((theme) => labels.theme[theme]).join(", ") },
              { label: t("population"), value: partner.population ? t("populationAbout", { population: formatNumber(partner.population, locale) }) : null },
              {
                label: t("website"),
                value: website ? (
                  <a href={website} rel="noopener noreferrer external">
                    {website.replace(/^https?:\/\//, "").replace(/\/$/, "")}
                  </a>
                ) : null,
              },
            ]}
          />
        </section>
      ))}

      <PublicDocumentList documents={documents} locale={locale} />

      <ActivitySection noun="exchanges" title={t("exchanges")} none={t("noExchanges", { name: partner.name })}>
        {exchanges.map((exchange) => (
          <ExchangeItem key={exchange.id} exchange={exchange} />
        ))}
      </ActivitySection>

      <section aria-labelledby="events-heading">
        <h2 id="events-heading">{tEvents("upcoming")}</h2>
        {events.upcoming.length === 0 ? <p>{tEvents("noUpcoming", { name: partner.name })}</p> : <PublicEventList events={events.upcoming} upcoming withPartner={false} />}
      </section>
      <section aria-labelledby="past-events-heading">
        <h2 id="past-events-heading">{tEvents("past")}</h2>
        {events.past.length === 0 ? <p>{tEvents("noPast", { name: partner.name })}</p> : <PublicEventList events={events.past} upcoming={false} withPartner={false} />}
        {events.pastTotal > events.past.length ? (
          <p>
            <Link href={`/whats-on/past?partner=${encodeURIComponent(partner.slug)}`}>{tEvents("morePast", { name: partner.name })}</Link>
          </p>
        ) : null}
      </section>
      <CalendarSubscribe
        id="partner-feed"
        origin={origin}
        feedPath={partnerCalendarPath(partner.slug)}
        heading={tEvents("feedHeading", { name: partner.name })}
        intro={tFeed("partnerIntro", { partner: partner.name })}
      />
    </>
  );
}

/** "Amended on …": the latest amendment of the link's terms that councillors approved. */
function AmendedOn({ at }: { at: string }) {
  const locale = usePageLocale();
  const t = useTranslations("public.partner");
  return <p className="text-slate-700">{t.rich("amendedOn", { date: formatDate(new Date(at), locale), time: (chunks) => <time dateTime={at}>{chunks}</time> })}</p>;
}

/** "Confirmed by both councils", with the date of the partner's decision when it is known. */
function PartnerConfirmation({ link }: { link: PublicLink }) {
  const locale = usePageLocale();
  const t = useTranslations("public.partner");
  const decided = dateOf(link.partnerDecisionDate);
  if (!decided) return t("confirmed");
  return t.rich("confirmedOn", { date: formatDate(decided, locale), time: (chunks) => <time dateTime={link.partnerDecisionDate!}>{chunks}</time> });
}

/** What the link is called in the partner's language (Städtepartnerschaft, 姉妹都市), if its local name's language is known. */
function termOf(link: PublicLink): React.ReactNode {
  const language = link.partner.localNameLanguage;
  const term = relationshipTerm(link.relationshipType, language);
  return term && language ? <ForeignText text={term} language={language} /> : null;
}

/** The partner's public exchanges: one item each, or a line saying there are none yet. */
function ActivitySection({ noun, title, none, children }: { noun: "exchanges"; title: string; none: string; children: React.ReactNode[] }) {
  return (
    <section aria-labelledby={`${noun}-heading`}>
      <h2 id={`${noun}-heading`}>{title}</h2>
      {children.length === 0 ? <p>{none}</p> : <ul className="max-w-3xl divide-y divide-slate-300 border-y border-slate-300">{children}</ul>}
    </section>
  );
}
