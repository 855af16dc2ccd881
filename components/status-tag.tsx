import type { AgreementStatus } from "@/lib/domain/enums";
import { useTranslations } from "next-intl";

const COLOURS: Record<AgreementStatus, string> = {
  DRAFT: "bg-slate-200 text-slate-900",
  PENDING_APPROVAL: "bg-amber-100 text-amber-950",
  ACTIVE: "bg-green-100 text-green-950",
  SUSPENDED: "bg-orange-100 text-orange-950",
  TERMINATED: "bg-red-100 text-red-950",
  WITHDRAWN: "bg-slate-100 text-slate-800",
};

/** The status as text (never colour alone), in the page's language. */
export function StatusTag({ status }: { status: AgreementStatus }) {
  const t = useTranslations("labels.status");
  return <strong className={`inline-block rounded px-2 py-0.5 text-sm font-bold ${COLOURS[status]}`}>{t(status)}</strong>;
}

export function Tag({ children, tone = "neutral" }: { children: React.ReactNode; tone?: "neutral" | "warning" }) {
  const colour = tone === "warning" ? "bg-amber-100 text-amber-950" : "bg-slate-200 text-slate-900";
  return <strong className={`inline-block rounded px-2 py-0.5 text-sm font-bold ${colour}`}>{children}</strong>;
}
