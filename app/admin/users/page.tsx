import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/link";
import { CreateUserForm } from "@/components/admin-forms";
import { DataTable } from "@/components/data-table";
import { Tag } from "@/components/status-tag";
import { requirePageUser } from "@/lib/auth/session";
import { listUsers } from "@/lib/data/users";
import { formatDate } from "@/lib/domain/format";
import { getPageLocale } from "@/lib/i18n/server";
import { createUserAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.users"))("title") };
}

export default async function UsersPage() {
  await requirePageUser("/admin/users", "user:manage");
  const [users, t, locale, people] = await Promise.all([listUsers(), getTranslations("admin.users"), getPageLocale(), getTranslations("contacts.people")]);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="max-w-2xl">{t("intro")}</p>
      <DataTable caption={t("caption")} columns={[t("columns.name"), t("columns.email"), t("columns.role"), t("columns.status"), t("columns.added")]}>
        {users.map((user) => (
          <tr key={user.id}>
            <td>
              <Link href={`/admin/users/${user.id}`}>{user.name}</Link>
            </td>
            <td>{user.email}</td>
            <td>{t(`roles.${user.role}`)}</td>
            <td>{user.active ? t("active") : <Tag>{t("deactivated")}</Tag>}</td>
            <td>{formatDate(user.createdAt, locale)}</td>
          </tr>
        ))}
      </DataTable>
      <p>
        <Link href="/admin/people">{people("link")}</Link>
      </p>
      <h2>{t("create")}</h2>
      <CreateUserForm action={createUserAction} />
    </>
  );
}
