import type { Metadata } from "next";
import Link from "next/link";
import { ActivityChart } from "@/components/activity-chart";
import { requirePageUser } from "@/lib/auth/session";
import { getDashboard } from "@/lib/data/dashboard";
import { THEME_LABELS } from "@/lib/domain/labels";
import { PROPOSAL_RULES, REVIEW_WINDOW_DAYS, statusLabel, STATUSES } from "@/lib/domain/lifecycle";
import { formatDate } from "@/lib/domain/format";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requirePageUser("/dashboard", "dashboard:view");
  const dashboard = await getDashboard(user);
  const maxTheme = Math.max(1, ...dashboard.themes.map((row) => row.count));
  return (
    <>
      <h1>Dashboard</h1>
      <p>Welcome, {user.name}.</p>

      <section aria-labelledby="counts-heading">
        <h2 id="counts-heading">Agreements by status</h2>
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
          {STATUSES.map((status) => (
            <li key={status} className="rounded border-2 border-slate-300 p-3">
              <Link href={`/agreements?status=${status}`} className="block no-underline">
                <span className="block text-3xl font-bold">{dashboard.counts[status] ?? 0}</span>
                {statusLabel(status)}
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <div className="grid gap-x-10 lg:grid-cols-2">
        <section aria-labelledby="awaiting-heading">
          <h2 id="awaiting-heading">Awaiting your decision</h2>
          {dashboard.awaiting.length === 0 ? (
            <p>{user.role === "COUNCILLOR" ? "No proposals await your decision." : "None of your proposals is awaiting a decision."}</p>
          ) : (
            <ul className="list-disc pl-5">
              {dashboard.awaiting.map((proposal) => (
                <li key={proposal.id}>
                  <Link href={user.role === "COUNCILLOR" ? "/approvals" : `/agreements/${proposal.agreementId}`}>
                    {proposal.partnerName}: proposed {PROPOSAL_RULES[proposal.kind].noun}
                  </Link>{" "}
                  <span className="text-sm text-slate-700">since {formatDate(proposal.createdAt)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="reviews-heading">
          <h2 id="reviews-heading">{`Reviews due within ${REVIEW_WINDOW_DAYS} days or overdue`}</h2>
          {dashboard.reviewsDue.length === 0 ? (
            <p>No reviews are due.</p>
          ) : (
            <ul className="list-disc pl-5">
              {dashboard.reviewsDue.map((agreement) => (
                <li key={agreement.id}>
                  <Link href={`/agreements/${agreement.id}`}>{agreement.partnerName}</Link>: review {agreement.reviewDate && agreement.reviewDate < dashboard.now ? "overdue since" : "due"}{" "}
                  {formatDate(agreement.reviewDate)}
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="dormant-heading">
          <h2 id="dormant-heading">Dormant partnerships</h2>
          <p className="hint">Active links with no exchange or event in the last {dashboard.dormancyMonths} months, the longest quiet first.</p>
          {dashboard.dormant.length === 0 ? (
            <p>No partnership is dormant.</p>
          ) : (
            <ul className="list-disc pl-5">
              {dashboard.dormant.map((agreement) => (
                <li key={agreement.id}>
                  <Link href={`/agreements/${agreement.id}`}>{agreement.partnerName}</Link>:{" "}
                  {agreement.lastActivityOn ? `last activity ${formatDate(agreement.lastActivityOn)}` : "no activity recorded"}
                </li>
              ))}
            </ul>
          )}
          <p>
            <Link href="/agreements?dormant=1">All dormant partnerships</Link>
          </p>
        </section>

        <section aria-labelledby="recent-heading">
          <h2 id="recent-heading">Recent activity</h2>
          {dashboard.recent.length === 0 ? (
            <p>Nothing has happened yet.</p>
          ) : (
            <ul className="space-y-1">
              {dashboard.recent.map((item) => (
                <li key={item.id}>
                  <span className="text-sm text-slate-700">{formatDate(item.at)}</span> <Link href={item.href}>{item.text}</Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section aria-labelledby="chart-heading">
        <h2 id="chart-heading">Exchanges per year, all partners</h2>
        {dashboard.years.some((year) => year.exchanges > 0) ? <ActivityChart years={dashboard.years} id="dashboard-chart" /> : <p>No exchanges logged yet.</p>}
      </section>

      <section aria-labelledby="themes-heading">
        <h2 id="themes-heading">Active partnerships by theme</h2>
        {dashboard.themes.length === 0 ? (
          <p>No active partnership has themes yet.</p>
        ) : (
          <table className="table max-w-2xl">
            <caption className="sr-only">Number of active partnerships per theme</caption>
            <thead>
              <tr>
                <th scope="col">Theme</th>
                <th scope="col">Partnerships</th>
              </tr>
            </thead>
            <tbody>
              {dashboard.themes.map((row) => (
                <tr key={row.theme}>
                  <th scope="row" className="font-normal">
                    {THEME_LABELS[row.theme]}
                  </th>
                  <td>
                    <span className="flex items-center gap-2">
                      <span aria-hidden="true" className="inline-block h-3 bg-brand" style={{ width: `${(row.count / maxTheme) * 12}rem` }} />
                      {row.count}
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
