import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ActivityChart } from "@/components/activity-chart";
import { Link } from "@/components/link";
import { requirePageUser } from "@/lib/auth/session";
import { getDashboard, type RecentItem } from "@/lib/data/dashboard";
import { labelsIn } from "@/lib/domain/labels";
import { can, type Actor } from "@/lib/domain/permissions";
import { REVIEW_WINDOW_DAYS, STATUSES } from "@/lib/domain/lifecycle";
import { formatDate, formatNumber } from "@/lib/domain/format";
import type { Locale } from "@/lib/i18n/locales";
import { getPageLocale } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard"))("title") };
}

type Translate = Awaited<ReturnType<typeof getTranslations<"dashboard">>>;

/** A recent activity row in the page's language. */
function recentText(item: RecentItem, t: Translate, locale: Locale): string {
  switch (item.type) {
    case "event":
      return t("recent.event", { title: item.title });
    case "exchange":
      return item.detail ? t("recent.exchangeWith", { partner: item.partnerName, detail: item.detail }) : t("recent.exchange", { partner: item.partnerName });
    case "decision": {
      const partner = item.partnerName;
      if (item.kind === "SUBMITTED" || item.kind === "WITHDRAWN" || item.kind === "IMPORTED") return t(`recent.${item.kind}`, { partner });
      if (item.kind === "PROPOSED") {
        return t(item.toStatus === "SUSPENDED" ? "recent.proposedSuspension" : item.toStatus === "TERMINATED" ? "recent.proposedTermination" : "recent.proposedReinstatement", { partner });
      }
      return t("recent.now", { partner, status: item.toStatus ? labelsIn(locale).status[item.toStatus].toLowerCase() : "" });
    }
  }
}

/** Where a recent activity row leads: its edit page for those who may edit it, else a page they may read. */
function recentHref(item: RecentItem, user: Actor): string {
  if (item.type === "exchange") return can(user, "exchange:write") ? item.href : item.readHref;
  if (item.type === "event") return can(user, "event:write") ? item.href : item.readHref;
  return item.href;
}

export default async function DashboardPage() {
  const user = await requirePageUser("/dashboard", "dashboard:view");
  const [dashboard, locale, t, proposals] = await Promise.all([getDashboard(user), getPageLocale(), getTranslations("dashboard"), getTranslations("agreements.proposalNoun")]);
  const labels = labelsIn(locale);
  const maxTheme = Math.max(1, ...dashboard.themes.map((row) => row.count));
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("welcome", { name: user.name })}</p>

      <section aria-labelledby="counts-heading">
        <h2 id="counts-heading">{t("countsHeading")}</h2>
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
          {STATUSES.map((status) => (
            <li key={status} className="rounded border-2 border-slate-300 p-3">
              <Link href={`/agreements?status=${status}`} className="block no-underline">
                <span className="block text-3xl font-bold">{formatNumber(dashboard.counts[status] ?? 0, locale)}</span>
                {labels.status[status]}
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <div className="grid gap-x-10 lg:grid-cols-2">
        {can(user, "agreement:propose") ? (
          <section aria-labelledby="returned-heading">
            <h2 id="returned-heading">{t("returnedHeading")}</h2>
            <p className="hint">{t("returnedHint")}</p>
            {dashboard.returned.length === 0 ? (
              <p>{t("noneReturned")}</p>
            ) : (
              <ul className="list-disc space-y-2 pl-5">
                {dashboard.returned.map((proposal) => (
                  <li key={proposal.id}>
                    <Link href={`/agreements/${proposal.agreementId}`}>{t("returnedItem", { partner: proposal.partnerName, what: proposals(proposal.kind) })}</Link>{" "}
                    <span className="text-sm text-slate-700">{t("returnedOn", { date: formatDate(proposal.closedAt, locale) })}</span>
                    {proposal.rejectionReason ? (
                      <p className="mt-1 mb-0 whitespace-pre-line">
                        <span className="font-semibold">{t("returnedReason")}</span> {proposal.rejectionReason}
                      </p>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
        ) : null}

        <section aria-labelledby="awaiting-heading">
          <h2 id="awaiting-heading">{user.role === "COUNCILLOR" ? t("awaitingHeading") : t("yourProposalsHeading")}</h2>
          {dashboard.awaiting.length === 0 ? (
            <p>{user.role === "COUNCILLOR" ? t("noneAwaitingCouncillor") : t("noneAwaitingStaff")}</p>
          ) : (
            <ul className="list-disc pl-5">
              {dashboard.awaiting.map((proposal) => (
                <li key={proposal.id}>
                  <Link href={user.role === "COUNCILLOR" ? "/approvals" : `/agreements/${proposal.agreementId}`}>
                    {t("awaitingItem", { partner: proposal.partnerName, what: proposals(proposal.kind) })}
                  </Link>{" "}
                  <span className="text-sm text-slate-700">{t("since", { date: formatDate(proposal.createdAt, locale) })}</span>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="reviews-heading">
          <h2 id="reviews-heading">{t("reviewsHeading", { days: REVIEW_WINDOW_DAYS })}</h2>
          {dashboard.reviewsDue.length === 0 ? (
            <p>{t("noReviews")}</p>
          ) : (
            <ul className="list-disc pl-5">
              {dashboard.reviewsDue.map((agreement) => (
                <li key={agreement.id}>
                  <Link href={`/agreements/${agreement.id}`}>{agreement.partnerName}</Link>:{" "}
                  {t(agreement.reviewDate && agreement.reviewDate < dashboard.now ? "reviewOverdue" : "reviewDue", { date: formatDate(agreement.reviewDate, locale) })}
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="dormant-heading">
          <h2 id="dormant-heading">{t("dormantHeading")}</h2>
          <p className="hint">{t("dormantHint", { months: dashboard.dormancyMonths })}</p>
          {dashboard.dormant.length === 0 ? (
            <p>{t("noDormant")}</p>
          ) : (
            <ul className="list-disc pl-5">
              {dashboard.dormant.map((agreement) => (
                <li key={agreement.id}>
                  <Link href={`/agreements/${agreement.id}`}>{agreement.partnerName}</Link>:{" "}
                  {agreement.lastActivityOn ? t("lastActivity", { date: formatDate(agreement.lastActivityOn, locale) }) : t("noActivity")}
                </li>
              ))}
            </ul>
          )}
          <p>
            <Link href="/agreements?dormant=1">{t("allDormant")}</Link>
          </p>
        </section>

        <section aria-labelledby="recent-heading">
          <h2 id="recent-heading">{t("recentHeading")}</h2>
          {dashboard.recent.length === 0 ? (
            <p>{t("nothingYet")}</p>
          ) : (
            <ul className="space-y-1">
              {dashboard.recent.map((item) => (
                <li key={item.id}>
                  <span className="text-sm text-slate-700">{formatDate(item.at, locale)}</span> <Link href={recentHref(item, user)}>{recentText(item, t, locale)}</Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section aria-labelledby="chart-heading">
        <h2 id="chart-heading">{t("chartHeading")}</h2>
        {dashboard.years.some((year) => year.exchanges > 0) ? <ActivityChart years={dashboard.years} id="dashboard-chart" /> : <p>{t("noExchanges")}</p>}
      </section>

      <section aria-labelledby="themes-heading">
        <h2 id="themes-heading">{t("themesHeading")}</h2>
        {dashboard.themes.length === 0 ? (
          <p>{t("noThemes")}</p>
        ) : (
          <table className="table max-w-2xl">
            <caption className="sr-only">{t("themesCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("theme")}</th>
                <th scope="col">{t("partnerships")}</th>
              </tr>
            </thead>
            <tbody>
              {dashboard.themes.map((row) => (
                <tr key={row.theme}>
                  <th scope="row" className="font-normal">
                    {labels.theme[row.theme]}
                  </th>
                  <td>
                    <span className="flex items-center gap-2">
                      <span aria-hidden="true" className="inline-block h-3 bg-brand" style={{ width: `${(row.count / maxTheme) * 12}rem` }} />
                      {formatNumber(row.count, locale)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
