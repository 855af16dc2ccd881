// Is the production build in .next older than the sources it was built from?
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./run";

/** What a `next build` depends on: source folders and the configuration files. */
const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "generated",
  "instrumentation.ts",
  "middleware.ts",
  "proxy.ts",
  "next.config.js",
  "next.config.mjs",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package.json",
  "package-lock.json",
];

export function newestSource(entry: string): { file: string; mtime: number } | null {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(entry);
  } catch {
    return null;
  }
  if (!stat.isDirectory()) return /\.test\.[cm]?[jt]sx?$/.test(entry) ? null : { file: entry, mtime: stat.mtimeMs };
  let newest: { file: string; mtime: number } | null = null;
  for (const child of fs.readdirSync(entry)) {
    if (child === "node_modules" || child.startsWith(".")) continue;
    const candidate = newestSource(path.join(entry, child));
    if (candidate && (!newest || candidate.mtime > newest.mtime)) newest = candidate;
  }
  return newest;
}

/** The build folder next.config.js uses (NEXT_DIST_DIR, else .next). */
export function distDir(env: Record<string, string | undefined> = process.env): string {
  return env.NEXT_DIST_DIR || ".next";
}

/** Why `next build` must run, or null when the build in `dist` is up to date. */
export function buildNeeded(dist = distDir(), root = ROOT): string | null {
  const buildId = path.join(root, dist, "BUILD_ID");
  if (!fs.existsSync(buildId)) return "there is no production build yet";
  const builtAt = fs.statSync(buildId).mtimeMs;
  for (const source of SOURCES) {
    const newest = newestSource(path.join(root, source));
    if (newest && newest.mtime > builtAt) return `${path.relative(root, newest.file)} changed since the last build`;
  }
  return null;
}
