// The pages and route handlers the app has, read from the filesystem (not a hand-kept list), for
// the suites that must cover every page: the authorization matrix, the accessibility checks and
// the bad-input suite.
import fs from "node:fs";
import path from "node:path";
import { ROUTE_ACCESS } from "../lib/domain/permissions";

export type Route = keyof typeof ROUTE_ACCESS;

/** The routes of every page.tsx in app/ (route groups and private folders left out). */
export function pageRoutes(): string[] {
  return routesOf(/^page\.(tsx|ts|jsx|js|mdx)$/);
}

/** The routes of every route handler (route.ts) in app/, e.g. "/open-data/partners.json". */
export function routeHandlerRoutes(): string[] {
  return routesOf(/^route\.(ts|js)$/);
}

function routesOf(file: RegExp): string[] {
  const appDir = path.join(process.cwd(), "app");
  const routes: string[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (entry.name.startsWith("_") || entry.name.startsWith("@")) continue;
        const isGroup = entry.name.startsWith("(") && entry.name.endsWith(")");
        walk(path.join(dir, entry.name), isGroup ? segments : [...segments, entry.name]);
      } else if (file.test(entry.name)) {
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
