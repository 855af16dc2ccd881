import { getTranslations } from "next-intl/server";
import { Link } from "@/components/link";
import { bankHolidayListRunningOut } from "@/lib/data/call-in";
import { can, type Actor } from "@/lib/domain/permissions";

/** For whoever keeps the settings: the bank-holiday list has no date beyond about six months (docs/decisions/023-call-in.md). */
export async function BankHolidayWarning({ user }: { user: Actor }) {
  if (!can(user, "settings:manage") || !(await bankHolidayListRunningOut())) return null;
  const t = await getTranslations("callIn.dashboard");
  return (
    <p className="max-w-3xl border-l-8 border-amber-500 bg-amber-50 p-3" data-testid="bank-holidays-warning">
      {t("bankHolidaysRunningOut")} <Link href="/admin/settings#bank-holidays">{t("link")}</Link>
    </p>
  );
}
