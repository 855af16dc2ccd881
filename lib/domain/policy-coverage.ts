// Does the policy table cover everything the app has? Pure functions for the authorization
// suites (e2e/authorization.spec.ts reads the build's server-reference manifest, e2e/auth.spec.ts
// the pages in app/), unit-tested with made-up manifests so that "a new action without a policy
// entry fails the suite" is itself tested.

/** The part of Next's server-reference-manifest.json that names each server action. */
export type ServerReferenceManifest = {
  node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }>;
};

/** A server action of the build: its id, its policy key ("file#export"), and a page that runs it. */
export type ManifestAction = { id: string; key: string; page: string };

const PLACEHOLDER_ID = "00000000-0000-4000-8000-000000000000";

export function actionsInManifest(manifest: ServerReferenceManifest): ManifestAction[] {
  return Object.entries(manifest.node).map(([id, entry]) => {
    // Any page that uses the action will run it; "app/agreements/[id]/page" becomes a URL.
    const worker = Object.keys(entry.workers).find((name) => name.endsWith("/page")) ?? "app/page";
    const page = worker.replace(/^app/, "").replace(/\/page$/, "").replace(/\[[^\]]+\]/g, PLACEHOLDER_ID) || "/";
    return { id, key: `${entry.filename}#${entry.exportedName}`, page };
  });
}

/** What the app has that the policy table does not list (actions by key, or page routes), sorted. */
export function missingFromPolicy(found: Iterable<string>, policy: Readonly<Record<string, unknown>>): string[] {
  return [...new Set(found)].filter((name) => !Object.hasOwn(policy, name)).sort();
}

/** Who an action or page checks for, as read from its source: a permission, "public" (checks for no one), or null when no check was found. */
export type FoundCheck = string | null;

const CREATE_ACTION = /\bconst\s+(\w+)\s*=\s*createAction\s*\(/g;
const PERMISSION_OPTION = /\bpermission:\s*(null|"([^"]+)")/;
const REQUIRE_PERMISSION = /\brequirePermission\(\s*[^,]+,\s*"([^"]+)"\s*\)/;
const EXPORTED = /^export\s+(?:const\s+(\w+)|(?:async\s+)?function\s+(\w+))/gm;

/**
 * The permission each export of a "use server" file checks, read from its source: an action built
 * by createAction checks its `permission` option (null: anyone); an exported function checks
 * what it passes to requirePermission, else what the createAction action it calls checks.
 * Heuristic by design (regular expressions, not a parser): it serves a test that fails when an
 * action checks nothing or something other than the policy table says.
 */
export function actionChecksInSource(source: string): Map<string, FoundCheck> {
  const built = new Map<string, FoundCheck>();
  const starts = [...source.matchAll(CREATE_ACTION)];
  starts.forEach((match, index) => {
    const options = source.slice(match.index, starts[index + 1]?.index ?? source.length);
    const permission = PERMISSION_OPTION.exec(options);
    built.set(match[1]!, permission ? (permission[1] === "null" ? "public" : permission[2]!) : null);
  });
  const exported = [...source.matchAll(EXPORTED)];
  const checks = new Map<string, FoundCheck>();
  exported.forEach((match, index) => {
    const name = (match[1] ?? match[2])!;
    if (built.has(name)) return checks.set(name, built.get(name)!);
    const body = source.slice(match.index, exported[index + 1]?.index ?? source.length);
    const required = REQUIRE_PERMISSION.exec(body);
    const called = [...built.keys()].find((action) => new RegExp(`\\b${action}\\s*\\(`).test(body));
    return checks.set(name, required ? required[1]! : called ? built.get(called)! : null);
  });
  return checks;
}

/** The permission a page checks with requirePageUser(path, permission), or null when it calls none. */
export function pageCheckInSource(source: string): FoundCheck {
  return /\brequirePageUser\(\s*[^,()]+,\s*"([^"]+)"\s*\)/.exec(source)?.[1] ?? null;
}
