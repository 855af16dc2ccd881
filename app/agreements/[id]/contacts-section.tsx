import { getTranslations } from "next-intl/server";
import { Link } from "@/components/link";
import { AcceptAnswerForm, ContactForm, RemoveContactForm, RequestConfirmationForm, WithdrawConfirmationForm } from "@/components/contact-forms";
import { ConfirmationBanner } from "@/components/success-banner";
import { getAgreementContacts } from "@/lib/data/contacts";
import { getSettings } from "@/lib/data/settings";
import type { AgreementStatus } from "@/lib/domain/enums";
import { formatDate } from "@/lib/domain/format";
import { isPartnerConfirmed } from "@/lib/domain/lifecycle";
import { acceptable, REQUESTABLE_STATUSES } from "@/lib/domain/partner-answer";
import { can, type Actor } from "@/lib/domain/permissions";
import { queryParam } from "@/lib/domain/validation/fields";
import { LANGUAGE_NAMES, isLocale } from "@/lib/i18n/locales";
import { getPageLocale } from "@/lib/i18n/server";
import { acceptPartnerAnswerAction, removeContactAction, requestPartnerConfirmationAction, saveContactAction, withdrawPartnerConfirmationAction } from "./contacts/actions";

type Props = {
  agreement: { id: string; status: AgreementStatus; partnerDecisionDate: Date | null; partnerDecisionReference: string | null };
  user: Actor;
  /** ?contact=new | <contact id>: the contact form open; ?partner=request | withdraw: that form open. */
  contact: string | string[] | undefined;
  partner: string | string[] | undefined;
  done: string | string[] | undefined;
};

/**
 * The agreement page's "Contacts" (staff and admins only: personal data) and the partner's own
 * answer through an emailed link: requests sent, answers, "Accept confirmation" and "Record
 * confirmation withdrawn". Every form opens by a plain link, so it works without JavaScript.
 */
export async function ContactsSection({ agreement, user, contact, partner, done }: Props) {
  if (!can(user, "contact:manage")) return null;
  const [{ contacts, requests }, settings, locale, t] = await Promise.all([getAgreementContacts(agreement.id), getSettings(), getPageLocale(), getTranslations("contacts")]);
  const here = `/agreements/${agreement.id}`;
  const chosenContact = queryParam(contact);
  const editing = chosenContact && chosenContact !== "new" ? contacts.find((row) => row.id === chosenContact) : undefined;
  const adding = chosenContact === "new";
  const mayConfirm = can(user, "agreement:edit");
  const requestable = mayConfirm && REQUESTABLE_STATUSES.includes(agreement.status);
  const withEmail = contacts.filter((row) => row.email);
  const chosenPartner = queryParam(partner);
  const withdrawable = mayConfirm && isPartnerConfirmed(agreement);
  return (
    <section aria-labelledby="contacts" className="mb-8">
      <h2 id="contacts">{t("heading")}</h2>
      <ConfirmationBanner scope="contact" done={done} />
      <ConfirmationBanner scope="partner" done={done} />
      <p className="max-w-3xl">{t("intro", { months: settings.contactsMonths })}</p>
      {contacts.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <ul className="mb-4 space-y-4" aria-label={t("heading")}>
          {contacts.map((row) => (
            <li key={row.id} className="rounded border border-slate-300 p-3">
              <p className="m-0 font-semibold">{row.name}</p>
              <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
                {row.organisation ? (
                  <>
                    <dt>{t("organisation")}</dt>
                    <dd>{row.organisation}</dd>
                  </>
                ) : null}
                {row.role ? (
                  <>
                    <dt>{t("role")}</dt>
                    <dd>{row.role}</dd>
                  </>
                ) : null}
                <dt>{t("email")}</dt>
                <dd>{row.email ? <a href={`mailto:${row.email}`}>{row.email}</a> : t("noEmail")}</dd>
                {row.phone ? (
                  <>
                    <dt>{t("phone")}</dt>
                    <dd>{row.phone}</dd>
                  </>
                ) : null}
                <dt>{t("preferredLanguage")}</dt>
                <dd>{isLocale(row.preferredLanguage) ? LANGUAGE_NAMES[row.preferredLanguage] : row.preferredLanguage}</dd>
                {row.notes ? (
                  <>
                    <dt>{t("notes")}</dt>
                    <dd className="whitespace-pre-wrap">{row.notes}</dd>
                  </>
                ) : null}
              </dl>
              <div className="mt-2 flex flex-wrap items-start gap-3">
                <Link href={`${here}?contact=${row.id}#contacts`} className="button-secondary" aria-label={t("editContact", { name: row.name })}>
                  {t("edit")}
                </Link>
                <RemoveContactForm action={removeContactAction} agreementId={agreement.id} contactId={row.id} name={row.name} />
              </div>
            </li>
          ))}
        </ul>
      )}
      {adding || editing ? (
        <ContactForm action={saveContactAction} agreementId={agreement.id} contact={editing} cancelHref={`${here}#contacts`} />
      ) : (
        <p>
          <Link href={`${here}?contact=new#contacts`} className="button">
            {t("add")}
          </Link>
        </p>
      )}

      <h3 id="partner-answer">{t("confirmationHeading")}</h3>
      <p className="max-w-3xl">{t("confirmationIntro")}</p>
      {requestable && chosenPartner === "request" ? (
        withEmail.length > 0 ? (
          <RequestConfirmationForm
            action={requestPartnerConfirmationAction}
            agreementId={agreement.id}
            contacts={withEmail.map((row) => ({ id: row.id, label: [row.name, row.organisation, row.email].filter(Boolean).join(", ") }))}
            cancelHref={`${here}#partner-answer`}
          />
        ) : (
          <p>{t("noContactWithEmail")}</p>
        )
      ) : withdrawable && chosenPartner === "withdraw" ? (
        <WithdrawConfirmationForm action={withdrawPartnerConfirmationAction} agreementId={agreement.id} cancelHref={`${here}#partner-answer`} />
      ) : requestable || withdrawable ? (
        <p className="flex flex-wrap gap-3">
          {requestable ? (
            <Link href={`${here}?partner=request#partner-answer`} className="button">
              {t("request")}
            </Link>
          ) : null}
          {withdrawable ? (
            <Link href={`${here}?partner=withdraw#partner-answer`} className="button-secondary">
              {t("withdraw")}
            </Link>
          ) : null}
        </p>
      ) : null}
      {requests.length > 0 ? (
        <>
          <h4>{t("requestsHeading")}</h4>
          <ul className="space-y-3" aria-label={t("requestsHeading")}>
            {requests.map((request) => (
              <li key={request.id}>
                <p className="m-0">{request.contactName ? t("requestSent", { name: request.contactName, date: formatDate(request.createdAt, locale) }) : t("requestSentRemoved", { date: formatDate(request.createdAt, locale) })}</p>
                {request.answer ? (
                  <>
                    <p className="m-0 font-semibold">
                      {t(request.answer.answer === "CONFIRMED" ? "answerConfirmed" : "answerDeclined", { name: request.answer.contactName, organisation: request.answer.contactOrganisation, date: formatDate(request.answer.createdAt, locale) })}
                    </p>
                    {request.answer.reference ? <p className="m-0">{t("answerReference", { reference: request.answer.reference })}</p> : null}
                    {request.answer.accepted ? <p className="m-0">{t("accepted")}</p> : null}
                    {mayConfirm && acceptable({ answer: request.answer.answer, acceptedDecisionId: request.answer.accepted ? "accepted" : null }, agreement.status) ? (
                      <AcceptAnswerForm action={acceptPartnerAnswerAction} agreementId={agreement.id} answerId={request.answer.id} />
                    ) : null}
                  </>
                ) : (
                  <p className="m-0">{t("waiting")}</p>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
