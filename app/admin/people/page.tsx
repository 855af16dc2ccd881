import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BackLink } from "@/components/back-link";
import { ErasePersonForm } from "@/components/contact-forms";
import { FilterForm, FilterInput } from "@/components/filter-form";
import { Link } from "@/components/link";
import { ConfirmationBanner } from "@/components/success-banner";
import { requirePageUser } from "@/lib/auth/session";
import { findPersonByEmail } from "@/lib/data/contacts";
import { personEmailSchema } from "@/lib/domain/validation/contacts";
import { queryParam } from "@/lib/domain/validation/fields";
import { erasePersonAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contacts.people"))("title") };
}

/**
 * A person without an account, found by email (issue 23): a contact of one or more links. Their
 * data as a download (right of access) and its erasure (right to erasure), as a user's page offers
 * for a user. An email that belongs to a user leads to that user's page.
 */
export default async function PeoplePage({ searchParams }: { searchParams: Promise<{ email?: string | string[]; done?: string | string[] }> }) {
  await requirePageUser("/admin/people", "user:manage");
  const { email: typed, done } = await searchParams;
  const t = await getTranslations("contacts.people");
  const parsed = personEmailSchema.safeParse({ email: queryParam(typed) ?? "" });
  const email = parsed.success ? parsed.data.email : null;
  const person = email ? await findPersonByEmail(email) : null;
  return (
    <>
      <BackLink href="/admin/users">{t("back")}</BackLink>
      <h1>{t("title")}</h1>
      <ConfirmationBanner scope="person" done={done} />
      <p className="max-w-2xl">{t("intro")}</p>
      <FilterForm label={t("find")} clearHref="/admin/people" className="sm:grid-cols-2">
        <FilterInput name="email" label={t("email")} value={queryParam(typed)} type="text" />
      </FilterForm>
      {queryParam(typed) && !email ? <p>{t("notAnEmail")}</p> : null}
      {person?.kind === "nobody" ? <p>{t("nobody")}</p> : null}
      {person?.kind === "user" ? (
        <p>{t.rich("isUser", { name: person.name, link: (chunks) => <Link href={`/admin/users/${person.userId}`}>{chunks}</Link> })}</p>
      ) : null}
      {person?.kind === "contact" && email ? (
        <section aria-labelledby="person-heading">
          <h2 id="person-heading">{person.name}</h2>
          <p>{t("contactOf", { count: person.contacts.length })}</p>
          <ul className="mb-4 list-disc pl-5">
            {person.contacts.map((contact, index) => (
              <li key={`${contact.agreementId}-${index}`}>
                <Link href={`/agreements/${contact.agreementId}`}>{contact.partnerName}</Link>
                {contact.organisation ? ` (${contact.organisation})` : ""}
              </li>
            ))}
          </ul>
          <p>
            <a href={`/admin/people/export?email=${encodeURIComponent(email)}`} download className="button-secondary">
              {t("export")}
            </a>
          </p>
          <p className="max-w-2xl border-l-8 border-error bg-red-50 p-3">{t("eraseBody")}</p>
          <ErasePersonForm action={erasePersonAction} email={email} keepHref="/admin/people" />
        </section>
      ) : null}
    </>
  );
}
