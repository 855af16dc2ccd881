import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ActivityChart } from "@/components/activity-chart";
import { DashboardPanel } from "@/components/dashboard-panel";
import { BankHolidayWarning } from "./bank-holiday-warning";
import { Link } from "@/components/link";
import { requirePageUser } from "@/lib/auth/session";
import { getPartnerAnswersPanel } from "@/lib/data/contacts";
import { getFeedMismatches } from "@/lib/data/partner-feeds";
import { getDashboard, type RecentItem } from "@/lib/data/dashboard";
import { labelsIn } from "@/lib/domain/labels";
import { can, seesPanel, type Actor } from "@/lib/domain/permissions";
import { REVIEW_WINDOW_DAYS, STATUSES } from "@/lib/domain/lifecycle";
import { JOBS_HEARTBEAT_STALE_AFTER_MINUTES } from "@/lib/domain/jobs-heartbeat";
import { formatDate, formatDateTime, formatNumber, formatTimeWithZone } from "@/lib/domain/format";
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
      if (item.kind === "SUBMITTED" || item.kind === "WITHDRAWN" || item.kind === "IMPORTED" || item.kind === "AMENDED") return t(`recent.${item.kind}`, { partner });
      if (item.kind === "PROPOSED" && item.amendment) return t("recent.proposedAmendment", { partner });
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
  const [dashboard, locale, t, proposals, partnerAnswers, contactWords, r, feedMismatches] = await Promise.all([
    getDashboard(user),
    getPageLocale(),
    getTranslations("dashboard"),
    getTranslations("agreements.proposalNoun"),
    seesPanel(user, "partnerAnswers") ? getPartnerAnswersPanel() : null,
    getTranslations("contacts"),
    getTranslations("annualReport"),
    seesPanel(user, "partnerFeeds") ? getFeedMismatches() : null,
  ]);
  const labels = labelsIn(locale);
  const maxTheme = Math.max(1, ...dashboard.themes.map((row) => row.count));
  const { totals } = dashboard;
  /** "Total: 25, the first 20 shown", or what the panel says when it holds nothing. */
  const total = (count: number, shown: number, empty: string) => ({
    totalText: shown < count ? t("totalShowing", { count: formatNumber(count, locale), shown: formatNumber(shown, locale) }) : t("total", { count: formatNumber(count, locale) }),
    empty: count === 0 ? empty : null,
  });
  const chain = dashboard.decisionRecord;
  const jobs = dashboard.jobsHeartbeat;
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("welcome", { name: user.name })}</p>
      <BankHolidayWarning user={user} />
      <p>
        <Link href={`/reports/${new Date().getUTCFullYear() - 1}`}>{r("linkLastYear", { year: String(new Date().getUTCFullYear() - 1) })}</Link>
      </p>

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
        {seesPanel(user, "lockedAccounts") ? (
          <DashboardPanel id="locked" heading={t("lockedHeading")} hint={t("lockedHint")} {...total(totals.lockedAccounts, dashboard.lockedAccounts.length, t("noneLocked"))}>
            <ul className="list-disc pl-5">
              {dashboard.lockedAccounts.map((account) => (
                <li key={account.id}>
                  <Link href={`/admin/users/${account.id}`}>{account.name}</Link> <span className="text-sm text-slate-700">{t("lockedUntil", { time: formatTimeWithZone(account.lockedUntil, locale) })}</span>
                </li>
              ))}
            </ul>
          </DashboardPanel>
        ) : null}

        {seesPanel(user, "failedEmails") ? (
          <DashboardPanel
            id="failed-emails"
            heading={t("failedHeading")}
            hint={t("failedHint")}
            {...total(totals.failedEmails, dashboard.failedEmails.length, t("noneFailed"))}
            footer={<Link href="/admin/outbox?status=FAILED">{t("allFailed")}</Link>}
          >
            <ul className="list-disc pl-5">
              {dashboard.failedEmails.map((email) => (
                <li key={email.id}>
                  {t("failedItem", { subject: email.subject, recipient: email.recipientEmail })}{" "}
                  <span className="text-sm text-slate-700">{email.nextAttemptAt ? t("failedRetry", { time: formatDateTime(email.nextAttemptAt, locale) }) : t("failedGivenUp")}</span>
                </li>
              ))}
            </ul>
          </DashboardPanel>
        ) : null}

        {chain ? (
          <section aria-labelledby="decision-record-heading" data-testid="panel-decision-record">
            <h2 id="decision-record-heading">{t("decisionRecordHeading")}</h2>
            <p className={`border-l-8 p-2 ${chain.report.ok ? "border-success bg-green-50" : "border-error bg-red-50"}`}>
              {chain.report.ok
                ? chain.report.head
                  ? t("chainVerified", { count: chain.report.count })
                  : t("chainEmpty")
                : t("chainBroken", { sequence: String(chain.report.failure.sequence) })}
            </p>
            <p className="text-sm text-slate-700">{t("chainChecked", { time: formatDateTime(chain.checkedAt, locale) })}</p>
            <p>
              <Link href="/admin/audit">{t("auditLog")}</Link>
            </p>
          </section>
        ) : null}

        {jobs ? (
          <section aria-labelledby="jobs-heading" data-testid="panel-jobs">
            <h2 id="jobs-heading">{t("jobsHeading")}</h2>
            <p className={`border-l-8 p-2 ${jobs.stale ? "border-error bg-red-50" : "border-success bg-green-50"}`}>
              {!jobs.lastRanAt ? t("jobsNeverRan") : jobs.stale ? t("jobsStale", { minutes: JOBS_HEARTBEAT_STALE_AFTER_MINUTES }) : t("jobsFresh")}
            </p>
            {jobs.lastRanAt ? <p className="text-sm text-slate-700">{t("jobsRanAt", { time: formatDateTime(jobs.lastRanAt, locale) })}</p> : null}
          </section>
        ) : null}

        {seesPanel(user, "awaitingVote") ? (
          <DashboardPanel id="awaiting-vote" heading={t("awaitingVoteHeading")} {...total(totals.awaitingVote, dashboard.awaitingVote.length, t("noneAwaitingVote"))}>
            <ul className="list-disc pl-5">
              {dashboard.awaitingVote.map((proposal) => (
                <li key={proposal.id}>
                  {/* The proposal's card on /approvals, where the vote is cast. */}
                  <Link href={`/approvals#proposal-${proposal.id}`}>{t("awaitingItem", { partner: proposal.partnerName, what: proposals(proposal.kind) })}</Link>{" "}
                  <span className="text-sm text-slate-700">{t("since", { date: formatDate(proposal.createdAt, locale) })}</span>
                </li>
              ))}
            </ul>
          </DashboardPanel>
        ) : null}

        {seesPanel(user, "drafts") ? (
          <DashboardPanel id="drafts" heading={t("draftsHeading")} hint={t("draftsHint")} {...total(totals.drafts, dashboard.drafts.length, t("noDrafts"))}>
            <ul className="list-disc pl-5">
              {dashboard.drafts.map((draft) => (
                <li key={draft.id}>
                  <Link href={`/agreements/${draft.id}`}>{draft.title ? `${draft.partnerName}: ${draft.title}` : draft.partnerName}</Link>{" "}
                  <span className="text-sm text-slate-700">{t("draftEdited", { date: formatDate(draft.updatedAt, locale) })}</span>
                </li>
              ))}
            </ul>
          </DashboardPanel>
        ) : null}

        {seesPanel(user, "returned") ? (
          <DashboardPanel id="returned" heading={t("returnedHeading")} hint={t("returnedHint")} {...total(totals.returned, dashboard.returned.length, t("noneReturned"))}>
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
          </DashboardPanel>
        ) : null}

        {seesPanel(user, "ownProposals") ? (
          <DashboardPanel id="awaiting" heading={t("yourProposalsHeading")} {...total(totals.ownProposals, dashboard.ownProposals.length, t("noneAwaitingStaff"))}>
            <ul className="list-disc pl-5">
              {dashboard.ownProposals.map((proposal) => (
                <li key={proposal.id}>
                  <Link href={`/agreements/${proposal.agreementId}`}>{t("awaitingItem", { partner: proposal.partnerName, what: proposals(proposal.kind) })}</Link>{" "}
                  <span className="text-sm text-slate-700">{t("since", { date: formatDate(proposal.createdAt, locale) })}</span>
                </li>
              ))}
            </ul>
          </DashboardPanel>
        ) : null}

        {seesPanel(user, "reviewsDue") ? (
          <DashboardPanel id="reviews" heading={t("reviewsHeading", { days: REVIEW_WINDOW_DAYS })} {...total(totals.reviewsDue, dashboard.reviewsDue.length, t("noReviews"))}>
            <ul className="list-disc pl-5">
              {dashboard.reviewsDue.map((agreement) => (
                <li key={agreement.id}>
                  <Link href={`/agreements/${agreement.id}`}>{agreement.partnerName}</Link>:{" "}
                  {t(agreement.reviewDate < dashboard.now ? "reviewOverdue" : "reviewDue", { date: formatDate(agreement.reviewDate, locale) })}
                </li>
              ))}
            </ul>
          </DashboardPanel>
        ) : null}

        {partnerAnswers ? (
          <DashboardPanel id="partner-answers" heading={contactWords("dashboardHeading")} hint={contactWords("dashboardHint")} {...total(partnerAnswers.total, partnerAnswers.items.length, contactWords("dashboardNone"))}>
            <ul className="list-disc pl-5">
              {partnerAnswers.items.map((item) => (
                <li key={item.answerId}>
                  <Link href={`/agreements/${item.agreementId}#partner-answer`}>{item.partnerName}</Link>:{" "}
                  {contactWords(item.answer === "CONFIRMED" ? "dashboardConfirmed" : "dashboardDeclined", { date: formatDate(item.createdAt, locale) })}
                </li>
              ))}
            </ul>
          </DashboardPanel>
        ) : null}

        {feedMismatches ? (
          <DashboardPanel id="partner-feeds" heading={t("feedsHeading")} hint={t("feedsHint")} {...total(feedMismatches.total, feedMismatches.items.length, t("noFeedMismatches"))}>
            <ul className="list-disc pl-5">
              {feedMismatches.items.map((item) => (
                <li key={item.agreementId}>
                  <Link href={`/agreements/${item.agreementId}#partner-feed-heading`}>{item.partnerName}</Link>:{" "}
                  {item.outcome === "NOT_LISTED"
                    ? t("feedNotListed", { date: formatDate(item.since, locale) })
                    : t("feedOtherStatus", { status: item.listedStatus ?? "", date: formatDate(item.since, locale) })}
                </li>
              ))}
            </ul>
          </DashboardPanel>
        ) : null}

        {seesPanel(user, "upcomingEvents") ? (
          <DashboardPanel
            id="upcoming"
            heading={t("upcomingHeading")}
            hint={t("upcomingHint")}
            {...total(totals.upcomingEvents, dashboard.upcomingEvents.length, t("noUpcoming"))}
            footer={<Link href="/events">{t("allEvents")}</Link>}
          >
            <ul className="list-disc pl-5">
              {dashboard.upcomingEvents.map((event) => (
                <li key={event.id}>
                  <Link href={`/events/${event.id}/edit`}>{event.title}</Link>{" "}
                  <span className="text-sm text-slate-700">
                    {t("upcomingOn", { date: formatDateTime(event.startsAt, locale) })}
                    {event.place ? `, ${event.place}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          </DashboardPanel>
        ) : null}

        {seesPanel(user, "dormant") ? (
          <DashboardPanel
            id="dormant"
            heading={t("dormantHeading")}
            hint={t("dormantHint", { months: dashboard.dormancyMonths })}
            {...total(totals.dormant, dashboard.dormant.length, t("noDormant"))}
            footer={<Link href="/agreements?dormant=1">{t("allDormant")}</Link>}
          >
            <ul className="list-disc pl-5">
              {dashboard.dormant.map((agreement) => (
                <li key={agreement.id}>
                  <Link href={`/agreements/${agreement.id}`}>{agreement.partnerName}</Link>:{" "}
                  {agreement.lastActivityOn ? t("lastActivity", { date: formatDate(agreement.lastActivityOn, locale) }) : t("noActivity")}
                </li>
              ))}
            </ul>
          </DashboardPanel>
        ) : null}

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
