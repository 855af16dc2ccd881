import "server-only";
import { db } from "@/lib/db";

const userSelect = { id: true, name: true, email: true, role: true, active: true, createdAt: true } as const;

export function listUsers() {
  return db.user.findMany({ select: userSelect, orderBy: [{ active: "desc" }, { name: "asc" }] });
}

export function getUser(id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return Promise.resolve(null);
  return db.user.findUnique({ where: { id }, select: userSelect });
}
