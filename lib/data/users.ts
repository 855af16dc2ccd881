import "server-only";
import { db } from "@/lib/db";
import { isUuid } from "@/lib/domain/validation/fields";

const userSelect = { id: true, name: true, email: true, role: true, active: true, createdAt: true } as const;

export function listUsers() {
  return db.user.findMany({ select: userSelect, orderBy: [{ active: "desc" }, { name: "asc" }] });
}

export function getUser(id: string) {
  if (!isUuid(id)) return Promise.resolve(null);
  return db.user.findUnique({ where: { id }, select: userSelect });
}
