import { useTranslations } from "next-intl";
import type { OutboxStatus } from "@/lib/domain/enums";

const STYLES: Record<OutboxStatus, string> = {
  PENDING: "bg-amber-100 text-amber-950",
  SENT: "bg-green-100 text-green-950",
  FAILED: "bg-red-100 text-red-950",
};

/** An outbox message's status, as text in the page's language (colour only repeats it). */
export function NotificationStatusTag({ status }: { status: OutboxStatus }) {
  const t = useTranslations("outbox.statuses");
  return <strong className={`inline-block rounded px-2 py-0.5 text-sm font-semibold ${STYLES[status]}`}>{t(status)}</strong>;
}
