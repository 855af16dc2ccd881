import Link from "next/link";
import { can, type Actor, type Permission } from "@/lib/domain/permissions";

type NavItem = { href: string; label: string; permission?: Permission };

const STAFF_NAV: NavItem[] = [
  { href: "/dashboard", label: "Dashboard", permission: "dashboard:view" },
  { href: "/agreements", label: "Agreements", permission: "agreement:read" },
  { href: "/approvals", label: "Approvals", permission: "proposal:decide" },
  { href: "/exchanges", label: "Exchanges", permission: "exchange:read" },
  { href: "/events", label: "Events", permission: "event:read" },
  { href: "/import", label: "Import", permission: "import:run" },
  { href: "/admin/users", label: "Users", permission: "user:manage" },
  { href: "/admin/settings", label: "Settings", permission: "settings:manage" },
  { href: "/admin/audit", label: "Audit log", permission: "audit:read" },
  { href: "/admin/outbox", label: "Outbox", permission: "outbox:read" },
  { href: "/account", label: "Account", permission: "account:manage" },
];

export function SiteHeader({ councilName, user, signOut, awaitingDecision = 0 }: { councilName: string; user: Actor | null; signOut: () => Promise<void>; awaitingDecision?: number }) {
  const items = user ? STAFF_NAV.filter((item) => !item.permission || can(user, item.permission)) : [];
  return (
    <header className="bg-brand text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3">
        <Link href={user ? "/dashboard" : "/partners"} className="text-xl font-bold text-white no-underline hover:text-white">
          {councilName} <span className="font-normal">· Twinning</span>
        </Link>
        <div className="flex items-center gap-4">
          {user ? (
            <>
              <span>
                {user.name} <span className="sr-only">signed in as</span>
                <span className="text-sm">({user.role.toLowerCase()})</span>
              </span>
              <form action={signOut}>
                <button type="submit" className="rounded border border-white px-3 py-1 font-semibold text-white hover:bg-brand-dark">
                  Sign out
                </button>
              </form>
            </>
          ) : (
            <Link href="/login" className="font-semibold text-white hover:text-white">
              Sign in
            </Link>
          )}
        </div>
      </div>
      <nav aria-label="Main" className="bg-brand-dark">
        <ul className="mx-auto flex max-w-6xl flex-wrap gap-x-5 gap-y-1 px-4 py-2">
          <li>
            <Link href="/partners" className="text-white hover:text-white">
              Our partners
            </Link>
          </li>
          {items.map((item) => (
            <li key={item.href}>
              <Link href={item.href} className="text-white hover:text-white">
                {item.label}
                {item.href === "/approvals" && awaitingDecision > 0 ? (
                  <>
                    {" "}
                    <span aria-hidden="true">({awaitingDecision})</span>
                    <span className="sr-only">, {awaitingDecision} awaiting your decision</span>
                  </>
                ) : null}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
