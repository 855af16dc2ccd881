import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import "./globals.css";
import { SiteHeader } from "@/components/site-header";
import { getCurrentUser } from "@/lib/auth/session";
import { countAwaitingDecision } from "@/lib/data/notifications";
import { getSettings } from "@/lib/data/settings";
import { signOut } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const { councilName } = await getSettings();
  return {
    title: { default: `${councilName} · Twinning`, template: `%s · ${councilName}` },
    description: `The twin towns and sister cities of ${councilName}.`,
  };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page reads the database or the session at request time: nothing is prerendered at build.
  await connection();
  const [settings, user] = await Promise.all([getSettings(), getCurrentUser()]);
  const awaitingDecision = await countAwaitingDecision(user);
  return (
    <html lang="en-GB">
      <body className="flex min-h-screen flex-col">
        <a href="#main" className="sr-only bg-focus p-2 text-black focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50">
          Skip to main content
        </a>
        <SiteHeader councilName={settings.councilName} user={user} signOut={signOut} awaitingDecision={awaitingDecision} />
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
          {children}
        </main>
        <footer className="border-t-4 border-brand bg-slate-100">
          <div className="mx-auto flex max-w-6xl flex-wrap gap-6 px-4 py-6 text-sm">
            <Link href="/partners">Our partner towns and cities</Link>
            <Link href="/open-data">Open data</Link>
            <span>© {settings.councilName}</span>
          </div>
        </footer>
      </body>
    </html>
  );
}
