import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/session";
import { getDashboard } from "@/lib/data/dashboard";
import { statusLabel, STATUSES, PROPOSAL_RULES } from "@/lib/domain/lifecycle";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requirePageUser("/dashboard", "dashboard:view");
  const dashboard = await getDashboard(user);
  return (
    <>
      <h1>Dashboard</h1>
      <p>Welcome, {user.name}.</p>
      <h2>Agreements by status</h2>
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
      <h2>Awaiting your decision</h2>
      {dashboard.awaiting.length === 0 ? (
        <p>Nothing awaits you.</p>
      ) : (
        <ul className="list-disc pl-5">
          {dashboard.awaiting.map((proposal) => (
            <li key={proposal.id}>
              <Link href={user.role === "COUNCILLOR" ? "/approvals" : `/agreements/${proposal.agreement.id}`}>
                {proposal.agreement.partner.name}: proposed {PROPOSAL_RULES[proposal.kind].noun}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <h2>Reviews due within 90 days</h2>
      {dashboard.reviewsDue.length === 0 ? (
        <p>No reviews are due.</p>
      ) : (
        <ul className="list-disc pl-5">
          {dashboard.reviewsDue.map((agreement) => (
            <li key={agreement.id}>
              <Link href={`/agreements/${agreement.id}`}>{agreement.partner.name}</Link>: review {formatDate(agreement.reviewDate)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
