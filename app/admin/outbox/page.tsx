import type { Metadata } from "next";
import type { OutboxStatus } from "@/lib/domain/enums";
import { DataTable } from "@/components/data-table";
import { FilterForm, FilterSelect } from "@/components/filter-form";
import { NotificationStatusTag } from "@/components/notification-status-tag";
import { Pagination } from "@/components/pagination";
import { requirePageUser } from "@/lib/auth/session";
import { listOutbox, outboxCounts, recipientMatrix } from "@/lib/data/notifications";
import { pageNumber } from "@/lib/domain/pagination";
import { formatDateTime } from "@/lib/domain/format";
import { smtpOptions } from "@/lib/notifications/config";
import { NOTIFICATION_KIND_INFO, NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import { queryParam } from "@/lib/domain/validation/fields";

export const metadata: Metadata = { title: "Email outbox" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const STATUSES: { value: OutboxStatus; label: string }[] = [
  { value: "PENDING", label: "Pending" },
  { value: "SENT", label: "Sent" },
  { value: "FAILED", label: "Failed" },
];

export default async function OutboxPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageUser("/admin/outbox", "outbox:read");
  const params = await searchParams;
  const requested = queryParam(params.status);
  const status = STATUSES.find((option) => option.value === requested)?.value;
  const page = pageNumber(params.page);
  const [result, counts, matrix] = await Promise.all([listOutbox(page, status), outboxCounts(), recipientMatrix()]);
  let smtpConfigured = false;
  try {
    smtpConfigured = smtpOptions() !== null;
  } catch {
    smtpConfigured = false;
  }
  return (
    <>
      <h1>Email outbox</h1>
      <p className="max-w-3xl">
        Every email is written here first, in the same transaction as the change that caused it, and then sent by the scheduled jobs (<code>npm run jobs</code>, or
        the app itself every minute on the embedded database).{" "}
        {smtpConfigured ? "SMTP is configured: pending messages go out on the next run." : "SMTP is not configured on this server, so messages wait here as Pending until it is."}
      </p>
      <p>
        {counts.PENDING} pending · {counts.SENT} sent · {counts.FAILED} failed
      </p>
      <FilterForm label="Filter the outbox" clearHref="/admin/outbox" className="sm:grid-cols-3">
        <FilterSelect name="status" label="Status" value={status} anyLabel="Any status" options={STATUSES} />
      </FilterForm>
      {result.items.length === 0 ? (
        <p>No messages{status ? " with this status" : " yet"}.</p>
      ) : (
        <DataTable caption="Outbox messages, newest first" columns={["Queued", "To", "Kind", "Subject", "Status", "Attempts", "Sent or next attempt"]}>
          {result.items.map((message) => (
            <tr key={message.id}>
              <td className="whitespace-nowrap">{formatDateTime(message.createdAt)}</td>
              <td>
                {message.recipientName ? <div>{message.recipientName}</div> : null}
                <div className="text-sm">{message.recipientEmail}</div>
              </td>
              <td>{NOTIFICATION_KIND_INFO[message.kind].label}</td>
              <td className="max-w-md break-words">
                <details>
                  <summary>{message.subject}</summary>
                  <pre className="mt-2 whitespace-pre-wrap text-sm">{message.textBody}</pre>
                </details>
              </td>
              <td>
                <NotificationStatusTag status={message.status} />
                {message.lastError ? <div className="text-sm">{message.lastError}</div> : null}
              </td>
              <td>{message.attempts}</td>
              <td className="whitespace-nowrap">
                {message.sentAt ? `Sent ${formatDateTime(message.sentAt)}` : message.nextAttemptAt ? `Next ${formatDateTime(message.nextAttemptAt)}` : "Gave up"}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} total={result.total} params={{ status }} basePath="/admin/outbox" noun="messages" />

      <h2 className="mt-10">Who receives what</h2>
      <p className="max-w-3xl">Each person chooses their own emails at their account page. A dash means the email is not sent to people with that role.</p>
      <DataTable caption="Email kinds each user receives" columns={["User", "Role", ...NOTIFICATION_KINDS.map((kind) => NOTIFICATION_KIND_INFO[kind].label)]}>
        {matrix.map((user) => (
          <tr key={user.id}>
            <th scope="row" className="text-left font-normal">
              {user.name}
              <div className="text-sm">
                {user.email}
                {user.active ? "" : " (deactivated: receives nothing)"}
              </div>
            </th>
            <td>{user.role.charAt(0) + user.role.slice(1).toLowerCase()}</td>
            {NOTIFICATION_KINDS.map((kind) => {
              const on = user.kinds[kind];
              return (
                <td key={kind}>
                  {on === undefined ? (
                    <>
                      <span aria-hidden="true">—</span>
                      <span className="sr-only">Not sent to this role</span>
                    </>
                  ) : on && user.active ? (
                    "On"
                  ) : (
                    "Off"
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </DataTable>
    </>
  );
}
