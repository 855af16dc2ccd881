import { getTranslations } from "next-intl/server";
import { BankHolidayForm, RemoveBankHolidayForm } from "@/components/call-in-forms";
import { listBankHolidays } from "@/lib/data/call-in";
import { formatDate } from "@/lib/domain/format";
import { dateAtUtcMidnight } from "@/lib/domain/working-days";
import { getPageLocale } from "@/lib/i18n/server";
import { addBankHolidayAction, removeBankHolidayAction } from "./bank-holidays/actions";

/** "Bank holidays" on /admin/settings: the dates working days leave out for call-in (docs/decisions/023-call-in.md). */
export async function BankHolidaysSection() {
  const [holidays, t, locale] = await Promise.all([listBankHolidays(), getTranslations("callIn.bankHolidays"), getPageLocale()]);
  return (
    <section aria-labelledby="bank-holidays" className="mt-12">
      <h2 id="bank-holidays">{t("heading")}</h2>
      <p className="max-w-3xl">{t("intro")}</p>
      {holidays.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <table className="table">
          <caption className="sr-only">{t("caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("date")}</th>
              <th scope="col">{t("name")}</th>
              <th scope="col">{t("actions")}</th>
            </tr>
          </thead>
          <tbody>
            {holidays.map((holiday) => {
              const date = formatDate(dateAtUtcMidnight(holiday.date), locale);
              return (
                <tr key={holiday.date}>
                  <td>{date}</td>
                  <td>{holiday.name}</td>
                  <td>
                    <RemoveBankHolidayForm action={removeBankHolidayAction} date={holiday.date} label={t("removeLabel", { name: holiday.name, date })} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <h3>{t("add")}</h3>
      <BankHolidayForm action={addBankHolidayAction} />
    </section>
  );
}
