// Every server action and every page in app/ checks the permission the policy table
// (lib/domain/permissions.ts) gives it, read from the sources themselves: a new action or page without
// a check, or with another permission than the table's, fails here.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACTION_ACCESS, ROUTE_ACCESS } from "./permissions";
import { actionChecksInSource, actionsInManifest, missingFromPolicy, pageCheckInSource, type FoundCheck, type ServerReferenceManifest } from "./policy-coverage";

const APP = path.join(process.cwd(), "app");

function filesUnder(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

const relative = (file: string) => path.relative(process.cwd(), file).split(path.sep).join("/");
const sources = filesUnder(APP)
  .filter((file) => /\.(ts|tsx)$/.test(file))
  .map((file) => ({ file: relative(file), source: fs.readFileSync(file, "utf8") }));

/** "app/agreements/[id]/edit/page.tsx" → "/agreements/[id]/edit" (route groups "(name)" are not in the URL). */
function routeOf(file: string): string {
  const route = file.replace(/^app/, "").replace(/\/page\.tsx$/, "").replace(/\/\([^)]+\)/g, "");
  return route || "/";
}

describe("every server action checks the permission ACTION_ACCESS gives it", () => {
  const serverFiles = sources.filter(({ source }) => /^\s*["']use server["']/.test(source));
  const found = new Map<string, FoundCheck>(serverFiles.flatMap(({ file, source }) => [...actionChecksInSource(source)].map(([name, check]) => [`${file}#${name}`, check] as const)));

  it("finds the app's actions (the reading works)", () => {
    expect(found.size).toBeGreaterThanOrEqual(10);
  });

  it("each exported action checks exactly the table's permission, or is public in the table", () => {
    const wrong = [...found]
      .filter(([key, check]) => !Object.hasOwn(ACTION_ACCESS, key) || ACTION_ACCESS[key] !== check)
      .map(([key, check]) => `${key}: checks ${check ?? "nothing"}, the table says ${Object.hasOwn(ACTION_ACCESS, key) ? ACTION_ACCESS[key] : "nothing (no entry)"}`);
    expect(wrong).toEqual([]);
  });

  it("the table lists no action that no longer exists", () => {
    expect(Object.keys(ACTION_ACCESS).filter((key) => !found.has(key))).toEqual([]);
  });
});

describe("every page that is not public checks the permission ROUTE_ACCESS gives it", () => {
  const pages = sources.filter(({ file }) => file.endsWith("/page.tsx")).map(({ file, source }) => ({ route: routeOf(file), check: pageCheckInSource(source) }));

  it("finds the app's pages", () => {
    expect(pages.length).toBeGreaterThanOrEqual(20);
  });

  it("each page is in the table, and a restricted one calls requirePageUser with the table's permission", () => {
    const table: Readonly<Record<string, string>> = ROUTE_ACCESS;
    const wrong = pages
      .filter(({ route, check }) => !Object.hasOwn(table, route) || (table[route] !== "public" && table[route] !== check))
      .map(({ route, check }) => `${route}: checks ${check ?? "nothing"}, the table says ${Object.hasOwn(table, route) ? table[route] : "nothing (no entry)"}`);
    expect(wrong).toEqual([]);
  });

  it("the table lists no page that no longer exists", () => {
    const routes = new Set(pages.map((page) => page.route));
    expect(Object.keys(ROUTE_ACCESS).filter((route) => !routes.has(route))).toEqual([]);
  });
});

describe("reading checks from a source", () => {
  it("an action built by createAction, one that calls it, one that checks itself, and one that checks nothing", () => {
    const source = `"use server";
const signOutAction = createAction({
  permission: null,
  run: () => endSession(),
});
export const saveAction = createAction({
  permission: "agreement:edit",
  schema,
});
export async function signOut() {
  await signOutAction(IDLE, {});
}
export async function purge(form: FormData) {
  requirePermission(await getCurrentUser(), "user:manage");
}
export async function leak() {
  return db.user.findMany();
}`;
    expect(Object.fromEntries(actionChecksInSource(source))).toEqual({ saveAction: "agreement:edit", signOut: "public", purge: "user:manage", leak: null });
  });

  it("a page's requirePageUser, with a template path", () => {
    expect(pageCheckInSource('const user = await requirePageUser(`/agreements/${id}`, "agreement:read");')).toBe("agreement:read");
    expect(pageCheckInSource("export default function Page() { return null; }")).toBeNull();
  });
});

/** A manifest as `next build` writes it (e2e/authorization.spec.ts reads the real one). */
const manifest: ServerReferenceManifest = {
  node: {
    "7f01": { workers: { "app/agreements/[id]/page": {}, "app/agreements/page": {} }, filename: "app/agreements/[id]/actions.ts", exportedName: "agreementCommandAction" },
    "7f02": { workers: { "app/partners/[slug]/page": {} }, filename: "app/partners/[slug]/actions.ts", exportedName: "subscribeAction" },
    "7f03": { workers: { "app/layout": {} }, filename: "app/actions.ts", exportedName: "signOut" },
  },
};

describe("the build's manifest", () => {
  it("names each action by file and export, with a page that runs it", () => {
    expect(actionsInManifest(manifest)).toEqual([
      { id: "7f01", key: "app/agreements/[id]/actions.ts#agreementCommandAction", page: "/agreements/00000000-0000-4000-8000-000000000000" },
      { id: "7f02", key: "app/partners/[slug]/actions.ts#subscribeAction", page: "/partners/00000000-0000-4000-8000-000000000000" },
      { id: "7f03", key: "app/actions.ts#signOut", page: "/" },
    ]);
  });

  it("missingFromPolicy reports an action the table lacks, and is not fooled by names every object has", () => {
    expect(missingFromPolicy(["app/partners/[slug]/actions.ts#subscribeAction", "constructor", "__proto__"], ACTION_ACCESS)).toEqual(["__proto__", "app/partners/[slug]/actions.ts#subscribeAction", "constructor"]);
  });
});
