import type { OutboxStatus } from "@/lib/domain/enums";

const STYLES: Record<OutboxStatus, { label: string; className: string }> = {
  PENDING: { label: "Pending", className: "bg-amber-100 text-amber-950" },
  SENT: { label: "Sent", className: "bg-green-100 text-green-950" },
  FAILED: { label: "Failed", className: "bg-red-100 text-red-950" },
};

/** An outbox message's status, as text (colour only repeats it). */
export function NotificationStatusTag({ status }: { status: OutboxStatus }) {
  const style = STYLES[status];
  return <strong className={`inline-block rounded px-2 py-0.5 text-sm font-semibold ${style.className}`}>{style.label}</strong>;
}
