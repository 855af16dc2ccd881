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
