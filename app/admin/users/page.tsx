import type { Metadata } from "next";
import Link from "next/link";
import { CreateUserForm } from "@/components/admin-forms";
import { DataTable } from "@/components/data-table";
import { Tag } from "@/components/status-tag";
import { requirePageUser } from "@/lib/auth/session";
import { listUsers } from "@/lib/data/users";
import { formatDate } from "@/lib/domain/format";
import { createUserAction } from "./actions";

export const metadata: Metadata = { title: "Users" };

const ROLE_LABELS = { STAFF: "Staff", COUNCILLOR: "Councillor", ADMIN: "Admin" } as const;

export default async function UsersPage() {
  await requirePageUser("/admin/users", "user:manage");
  const users = await listUsers();
  return (
    <>
      <h1>Users</h1>
      <p className="max-w-2xl">Users are never deleted, so every decision keeps its author. Deactivate someone who leaves: they are signed out at once.</p>
      <DataTable caption="Users and their roles" columns={["Name", "Email", "Role", "Status", "Added"]}>
        {users.map((user) => (
          <tr key={user.id}>
            <td>
              <Link href={`/admin/users/${user.id}`}>{user.name}</Link>
            </td>
            <td>{user.email}</td>
            <td>{ROLE_LABELS[user.role]}</td>
            <td>{user.active ? "Active" : <Tag>Deactivated</Tag>}</td>
            <td>{formatDate(user.createdAt)}</td>
          </tr>
        ))}
      </DataTable>
      <h2>Create a user</h2>
      <CreateUserForm action={createUserAction} />
    </>
  );
}
