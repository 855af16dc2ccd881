import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Link } from "@/components/link";
import { can, type Actor, type Permission } from "@/lib/domain/permissions";
import type { Messages } from "@/lib/i18n/messages";

type NavItem = { href: string; label: keyof Messages["common"]["nav"]; permission: Permission };

const STAFF_NAV: NavItem[] = [
  { href: "/dashboard", label: "dashboard", permission: "dashboard:view" },
  { href: "/agreements", label: "agreements", permission: "agreement:read" },
  { href: "/approvals", label: "approvals", permission: "proposal:decide" },
  { href: "/exchanges", label: "exchanges", permission: "exchange:read" },
  { href: "/events", label: "events", permission: "event:read" },
  { href: "/import", label: "import", permission: "import:run" },
  { href: "/admin/users", label: "users", permission: "user:manage" },
  { href: "/admin/settings", label: "settings", permission: "settings:manage" },
  { href: "/admin/audit", label: "audit", permission: "audit:read" },
  { href: "/admin/outbox", label: "outbox", permission: "outbox:read" },
  { href: "/account", label: "account", permission: "account:manage" },
];

type Props = { councilName: string; user: Actor | null; signOut: () => Promise<void>; awaitingDecision?: number; languageSwitch: ReactNode };

export function SiteHeader({ councilName, user, signOut, awaitingDecision = 0, languageSwitch }: Props) {
  const t = useTranslations("common");
  const items = user ? STAFF_NAV.filter((item) => can(user, item.permission)) : [];
  return (
    <header className="bg-brand text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3">
        <Link href={user ? "/dashboard" : "/partners"} className="text-xl font-bold text-white no-underline hover:text-white">
          {councilName} <span className="font-normal">· {t("site.twinning")}</span>
        </Link>
        <div className="flex flex-wrap items-center gap-4">
          {languageSwitch}
          {user ? (
            <>
              <span>
                {user.name} <span className="sr-only">{t("header.signedInAs")}</span>
                <span className="text-sm">({t(`roles.${user.role}`)})</span>
              </span>
              <form action={signOut}>
                <button type="submit" className="rounded border border-white px-3 py-1 font-semibold text-white hover:bg-brand-dark">
                  {t("header.signOut")}
                </button>
              </form>
            </>
          ) : (
            <Link href="/login" className="font-semibold text-white hover:text-white">
              {t("header.signIn")}
            </Link>
          )}
        </div>
      </div>
      <nav aria-label={t("header.mainMenu")} className="bg-brand-dark">
        <ul className="mx-auto flex max-w-6xl flex-wrap gap-x-5 gap-y-1 px-4 py-2">
          <li>
            <Link href="/partners" className="text-white hover:text-white">
              {t("header.ourPartners")}
            </Link>
          </li>
          <li>
            <Link href="/whats-on" className="text-white hover:text-white">
              {t("header.whatsOn")}
            </Link>
          </li>
          {items.map((item) => (
            <li key={item.href}>
              <Link href={item.href} className="text-white hover:text-white">
                {t(`nav.${item.label}`)}
                {item.href === "/approvals" && awaitingDecision > 0 ? (
                  <>
                    {" "}
                    <span aria-hidden="true">({awaitingDecision})</span>
                    <span className="sr-only">, {t("header.awaitingDecision", { count: awaitingDecision })}</span>
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
