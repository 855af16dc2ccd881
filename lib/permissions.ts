// The one policy module: what each role may do. Pages, actions and the UI all read this table.
import type { Role } from "@/generated/prisma/enums";
import { AppError } from "./errors";

export const PERMISSIONS = [
  "dashboard:view",
  "agreement:read",
  "agreement:draft",
  "agreement:edit",
  "agreement:submit",
  "agreement:withdraw",
  "agreement:propose",
  "agreement:export",
  "proposal:decide",
  "exchange:read",
  "exchange:write",
  "event:read",
  "event:write",
  "import:run",
  "user:manage",
  "settings:manage",
  "audit:read",
  "account:manage",
  "outbox:read",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = ["dashboard:view", "agreement:read", "agreement:export", "exchange:read", "event:read", "account:manage"];
const OFFICER_WORK: Permission[] = [
  "agreement:draft",
  "agreement:edit",
  "agreement:submit",
  "agreement:withdraw",
  "agreement:propose",
  "exchange:write",
  "event:write",
  "import:run",
];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  STAFF: new Set([...READ, ...OFFICER_WORK]),
  COUNCILLOR: new Set([...READ, "proposal:decide"]),
  ADMIN: new Set([...READ, ...OFFICER_WORK, "user:manage", "settings:manage", "audit:read", "outbox:read"]),
};

/** The signed-in person, as every policy check sees them. */
export type Actor = { id: string; email: string; name: string; role: Role };

export function can(actor: Pick<Actor, "role"> | null | undefined, permission: Permission): boolean {
  return actor ? ROLE_PERMISSIONS[actor.role].has(permission) : false;
}

/** Server-side guard for domain operations and actions. */
export function requirePermission(actor: Actor | null | undefined, permission: Permission): asserts actor is Actor {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Please sign in to continue.");
  if (!can(actor, permission)) throw new AppError("FORBIDDEN", "You do not have permission to do that.");
}

/** Who may open each page: "public", any signed-in user, or a permission. The authorization suite checks every route against it. */
export const ROUTE_ACCESS = {
  "/": "public",
  "/login": "public",
  "/partners": "public",
  "/partners/[slug]": "public",
  "/open-data": "public",
  "/dashboard": "dashboard:view",
  "/agreements": "agreement:read",
  "/agreements/new": "agreement:draft",
  "/agreements/[id]": "agreement:read",
  "/agreements/[id]/edit": "agreement:edit",
  "/approvals": "proposal:decide",
  "/exchanges": "exchange:read",
  "/exchanges/new": "exchange:write",
  "/exchanges/[id]/edit": "exchange:write",
  "/events": "event:read",
  "/events/new": "event:write",
  "/events/[id]/edit": "event:write",
  "/import": "import:run",
  "/admin/users": "user:manage",
  "/admin/users/[id]": "user:manage",
  "/admin/audit": "audit:read",
  "/admin/settings": "settings:manage",
  "/admin/outbox": "outbox:read",
  "/account": "account:manage",
} as const satisfies Record<string, Permission | "public">;
