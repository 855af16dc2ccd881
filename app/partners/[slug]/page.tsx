import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { connection } from "next/server";
import { notFound } from "next/navigation";
import { StatusTag } from "@/components/status-tag";
import { SummaryList } from "@/components/summary-list";
import { Place } from "@/components/public/place";
import { getPublicPartner, listPublicActivity } from "@/lib/data/public";
import { dateOf, localityOf, safeWebsite, sinceOf } from "@/lib/domain/public-format";
import type { PublicEvent, PublicExchange, PublicLink } from "@/lib/domain/public-types";
import { getSettings } from "@/lib/data/settings";
import { DIRECTION_LABELS, EVENT_KIND_LABELS, EXCHANGE_KIND_LABELS, RELATIONSHIP_TYPE_LABELS, THEME_LABELS } from "@/lib/domain/labels";
import { statusLabel } from "@/lib/domain/lifecycle";
import { formatDate } from "@/lib/domain/format";
import { siteOriginFrom } from "@/lib/web/request-context";
import { partnerPagePath } from "@/lib/open-data/partners";

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
  const page = await partnerFor(params);
  if (!page) return { title: "Partner not found" };
  const [{ councilName }, requestHeaders] = await Promise.all([getSettings(), headers()]);
  const { partner, links } = page;
  const link = links[0]!;
  const type = RELATIONSHIP_TYPE_LABELS[link.relationshipType].toLowerCase();
  const since = sinceOf(link).toLowerCase();
  const description = link.publicSummary || `${partner.name} is a ${type} of ${councilName}${since ? `, ${since}` : ""}.`;
  const url = `${siteOriginFrom(requestHeaders)}${partnerPagePath(partner.slug)}`;
  return {
    title: partner.name,
    description,
    alternates: { canonical: url },
    openGraph: { title: `${partner.name} · ${councilName}`, description, url, type: "website", siteName: councilName, locale: "en_GB" },
  };
}

function dateRange(start: string, end: string | null) {
  const from = dateOf(start);
  const to = dateOf(end);
  if (!to || end === start) return <time dateTime={start}>{formatDate(from)}</time>;
  return (
    <>
      <time dateTime={start}>{formatDate(from)}</time> to <time dateTime={end!}>{formatDate(to)}</time>
    </>
  );
}

/** An event's time where it is held, e.g. "13 February 2027 at 11:00 CET". */
function eventTime(event: PublicEvent): string {
  const options = { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" } as const;
  try {
    return new Intl.DateTimeFormat("en-GB", { ...options, timeZone: event.timeZone }).format(new Date(event.startsAt));
  } catch {
    return new Intl.DateTimeFormat("en-GB", { ...options, timeZone: "Europe/London" }).format(new Date(event.startsAt));
  }
}

function StatusNotice({ link }: { link: PublicLink }) {
  if (link.status === "ACTIVE") return null;
  const decided = dateOf(link.statusChangedAt);
  const verb = link.status === "SUSPENDED" ? "paused" : "ended";
  return (
    <div className="mb-6 max-w-3xl border-l-8 border-orange-700 bg-orange-50 p-4">
      <p className="m-0 font-bold">
        This {RELATIONSHIP_TYPE_LABELS[link.relationshipType].toLowerCase()} link was {verb}
        {decided ? (
          <>
            {" "}
            on <time dateTime={link.statusChangedAt ?? undefined}>{formatDate(decided)}</time>
          </>
        ) : null}
        .
      </p>
      <p className="mt-2 mb-0">{link.publicReason || "The council gave no public reason."}</p>
    </div>
  );
}

function ExchangeItem({ exchange }: { exchange: PublicExchange }) {
  return (
    <li className="py-3">
      <h3 className="mt-0 mb-1">
        {EXCHANGE_KIND_LABELS[exchange.kind]} <span className="font-normal">({DIRECTION_LABELS[exchange.direction].toLowerCase()})</span>
      </h3>
      <p className="m-0 text-slate-700">{dateRange(exchange.startDate, exchange.endDate)}</p>
      {exchange.participantsDescription || exchange.participantCount ? (
        <p className="m-0">Participants: {exchange.participantsDescription || exchange.participantCount}</p>
      ) : null}
      {exchange.outcomes ? <p className="mt-1 mb-0 max-w-prose">{exchange.outcomes}</p> : null}
    </li>
  );
}

function EventItem({ event }: { event: PublicEvent }) {
  return (
    <li className="py-3">
      <h3 className="mt-0 mb-1">{event.title}</h3>
      <p className="m-0 text-slate-700">
        {EVENT_KIND_LABELS[event.kind]} · <time dateTime={event.startsAt}>{eventTime(event)}</time>
        {event.place ? ` · ${event.place}` : null}
      </p>
      {event.description ? <p className="mt-1 mb-0 max-w-prose">{event.description}</p> : null}
    </li>
  );
}

export default async function PartnerPage({ params }: Props) {
  await connection();
  const page = await partnerFor(params);
  if (!page) notFound();
  const { partner, links } = page;
  const { exchanges, events } = await listPublicActivity(links.map((link) => link.agreementId));
  const primary = links[0]!;
  const website = safeWebsite(partner.website);

  return (
    <>
      <p>
        <Link href="/partners">All partner towns and cities</Link>
      </p>
      <h1 className="mb-1">{partner.name}</h1>
      <p className="mb-1 text-lg text-slate-700">
        <Place country={partner.country} region={partner.region} extra={localityOf(partner)} />
      </p>
      <p className="mb-6 text-lg">Status: {statusLabel(primary.status)}</p>
      {links.map((link) => (
        <StatusNotice key={link.agreementId} link={link} />
      ))}
      {primary.publicSummary ? <p className="max-w-prose text-lg">{primary.publicSummary}</p> : null}

      {links.map((link) => (
        <section key={link.agreementId} aria-labelledby={`link-${link.agreementId}`}>
          <h2 id={`link-${link.agreementId}`}>{links.length === 1 ? "About the partnership" : `${RELATIONSHIP_TYPE_LABELS[link.relationshipType]}: ${statusLabel(link.status).toLowerCase()}`}</h2>
          {link !== primary && link.publicSummary ? <p className="max-w-prose">{link.publicSummary}</p> : null}
          <SummaryList
            rows={[
              { label: "Relationship type", value: RELATIONSHIP_TYPE_LABELS[link.relationshipType] },
              { label: "Since", value: sinceOf(link).replace(/^Since /, "") },
              { label: "Status", value: <StatusTag status={link.status} /> },
              { label: "Themes", value: link.themes.map((theme) => THEME_LABELS[theme]).join(", ") },
              { label: "Population", value: partner.population ? `About ${partner.population.toLocaleString("en-GB")}` : null },
              {
                label: "Website",
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

      <ActivitySection noun="exchanges" title="Exchanges" partnerName={partner.name}>
        {exchanges.map((exchange) => (
          <ExchangeItem key={exchange.id} exchange={exchange} />
        ))}
      </ActivitySection>

      <ActivitySection noun="events" title="Events" partnerName={partner.name}>
        {events.map((event) => (
          <EventItem key={event.id} event={event} />
        ))}
      </ActivitySection>
    </>
  );
}

/** The partner's public exchanges or events: one item each, or a line saying there are none yet. */
function ActivitySection({ noun, title, partnerName, children }: { noun: "exchanges" | "events"; title: string; partnerName: string; children: React.ReactNode[] }) {
  return (
    <section aria-labelledby={`${noun}-heading`}>
      <h2 id={`${noun}-heading`}>{title}</h2>
      {children.length === 0 ? (
        <p>
          No public {noun} with {partnerName} have been recorded yet.
        </p>
      ) : (
        <ul className="max-w-3xl divide-y divide-slate-300 border-y border-slate-300">{children}</ul>
      )}
    </section>
  );
}
