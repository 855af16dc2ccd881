// The pages the app has, read from the filesystem (not a hand-kept list), for the suites that
// must cover every page: the authorization matrix and the accessibility checks.
import fs from "node:fs";
import path from "node:path";
import { ROUTE_ACCESS } from "../lib/permissions";

export type Route = keyof typeof ROUTE_ACCESS;

/** The routes of every page.tsx in app/ (route groups and private folders left out). */
export function pageRoutes(): string[] {
  const appDir = path.join(process.cwd(), "app");
  const routes: string[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (entry.name.startsWith("_") || entry.name.startsWith("@")) continue;
        const isGroup = entry.name.startsWith("(") && entry.name.endsWith(")");
        walk(path.join(dir, entry.name), isGroup ? segments : [...segments, entry.name]);
      } else if (/^page\.(tsx|ts|jsx|js|mdx)$/.test(entry.name)) {
        routes.push(`/${segments.join("/")}`);
      }
    }
  };
  walk(appDir, []);
  return [...new Set(routes)].sort();
}

/** Whether a route of pageRoutes() has an access rule. */
export function isKnownRoute(route: string): route is Route {
  return route in ROUTE_ACCESS;
}
