import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { EraseUserForm } from "@/components/admin-forms";
import { BackLink } from "@/components/back-link";
import { requirePageUser } from "@/lib/auth/session";
import { getUser } from "@/lib/data/users";
import { eraseUserAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.user"))("eraseData") };
}

/** The confirmation step of erasing a person's data: a page of its own, so it works without JavaScript. */
export default async function EraseUserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePageUser(`/admin/users/${id}/erase`, "user:manage");
  const user = await getUser(id);
  if (!user) notFound();
  const [t, tForm] = await Promise.all([getTranslations("admin.user"), getTranslations("adminForms.erase")]);
  const userPath = `/admin/users/${user.id}`;
  return (
    <>
      <BackLink href={userPath}>{tForm("keep")}</BackLink>
      <h1>{t("eraseHeading", { name: user.name })}</h1>
      <p className="max-w-2xl border-l-8 border-error bg-red-50 p-3">{t("eraseBody")}</p>
      <EraseUserForm action={eraseUserAction} userId={user.id} keepHref={userPath} />
    </>
  );
}
