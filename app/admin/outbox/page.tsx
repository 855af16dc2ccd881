import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { OutboxStatus } from "@/lib/domain/enums";
import { DataTable } from "@/components/data-table";
import { FilterForm, FilterSelect } from "@/components/filter-form";
import { NotificationStatusTag } from "@/components/notification-status-tag";
import { Pagination } from "@/components/pagination";
import { requirePageUser } from "@/lib/auth/session";
import { listOutbox, outboxCounts, recipientMatrix } from "@/lib/data/notifications";
import { pageNumber } from "@/lib/domain/pagination";
import { formatDateTime, formatNumber } from "@/lib/domain/format";
import { smtpOptions } from "@/lib/notifications/config";
import { NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import { queryParam } from "@/lib/domain/validation/fields";
import { getPageLocale } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("outbox"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const STATUSES: readonly OutboxStatus[] = ["PENDING", "SENT", "FAILED"];

export default async function OutboxPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageUser("/admin/outbox", "outbox:read");
  const params = await searchParams;
  const requested = queryParam(params.status);
  const status = STATUSES.find((option) => option === requested);
  const page = pageNumber(params.page);
  const [result, counts, matrix, t, tAccount, tAdmin, locale] = await Promise.all([
    listOutbox(page, status),
    outboxCounts(),
    recipientMatrix(),
    getTranslations("outbox"),
    getTranslations("account.kinds"),
    getTranslations("admin.users.roles"),
    getPageLocale(),
  ]);
  let smtpConfigured = false;
  try {
    smtpConfigured = smtpOptions() !== null;
  } catch {
    smtpConfigured = false;
  }
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="max-w-3xl">
        {t.rich("intro", { command: "npm run jobs", code: (chunks) => <code>{chunks}</code> })} {smtpConfigured ? t("smtpOn") : t("smtpOff")}
      </p>
      <p>{t("counts", { pending: formatNumber(counts.PENDING, locale), sent: formatNumber(counts.SENT, locale), failed: formatNumber(counts.FAILED, locale) })}</p>
      <FilterForm label={t("filterLabel")} clearHref="/admin/outbox" className="sm:grid-cols-3">
        <FilterSelect name="status" label={t("status")} value={status} anyLabel={t("anyStatus")} options={STATUSES.map((value) => ({ value, label: t(`statuses.${value}`) }))} />
      </FilterForm>
      {result.items.length === 0 ? (
        <p>{status ? t("noneWithStatus") : t("noneYet")}</p>
      ) : (
        <DataTable caption={t("caption")}
          columns={[t("columns.queued"), t("columns.to"), t("columns.kind"), t("columns.subject"), t("columns.status"), t("columns.attempts"), t("columns.sentOrNext")]}
        >
          {result.items.map((message) => (
            <tr key={message.id}>
              <td className="whitespace-nowrap">{formatDateTime(message.createdAt, locale)}</td>
              <td>
                {message.recipientName ? <div>{message.recipientName}</div> : null}
                <div className="text-sm">{message.recipientEmail}</div>
              </td>
              <td>{tAccount(`${message.kind}.label`)}</td>
              <td className="max-w-md break-words">
                <details>
                  <summary>{message.subject}</summary>
                  {message.textBody ? <pre className="mt-2 whitespace-pre-wrap text-sm">{message.textBody}</pre> : <p className="mt-2 text-sm">{t("linkRemoved")}</p>}
                </details>
              </td>
              <td>
                <NotificationStatusTag status={message.status} />
                {message.lastError ? <div className="text-sm">{message.lastError}</div> : null}
              </td>
              <td>{formatNumber(message.attempts, locale)}</td>
              <td className="whitespace-nowrap">
                {message.sentAt
                  ? t("sentAt", { time: formatDateTime(message.sentAt, locale) })
                  : message.nextAttemptAt
                    ? t("nextAt", { time: formatDateTime(message.nextAttemptAt, locale) })
                    : t("gaveUp")}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} total={result.total} params={{ status }} basePath="/admin/outbox" noun={t("noun")} />

      <h2 className="mt-10">{t("matrix.heading")}</h2>
      <p className="max-w-3xl">{t("matrix.intro")}</p>
      <DataTable caption={t("matrix.caption")} columns={[t("matrix.user"), t("matrix.role"), ...NOTIFICATION_KINDS.map((kind) => tAccount(`${kind}.label`))]}>
        {matrix.map((user) => (
          <tr key={user.id}>
            <th scope="row" className="text-left font-normal">
              {user.name}
              <div className="text-sm">
                {user.email}
                {user.active ? "" : ` ${t("matrix.deactivated")}`}
              </div>
            </th>
            <td>{tAdmin(user.role)}</td>
            {NOTIFICATION_KINDS.map((kind) => {
              const on = user.kinds[kind];
              return (
                <td key={kind}>
                  {on === undefined ? (
                    <>
                      <span aria-hidden="true">—</span>
                      <span className="sr-only">{t("matrix.notSent")}</span>
                    </>
                  ) : on && user.active ? (
                    t("matrix.on")
                  ) : (
                    t("matrix.off")
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
