// What a write through the app makes stale, named in one place: createAction's `invalidates`
// (lib/web/safe-action.ts) and the import's route handler call invalidateAfterWrite. The database
// tells every process of every server what changed (listener.ts); this covers the rest:
//  - the writer sees its own change at once, before its own notification has arrived
//    (read-your-writes: its topics count as changed in this process now);
//  - Next.js's router cache, which `revalidatePath` clears for the writer's browser.
import { revalidatePath } from "next/cache";
import { markChanged, type Topic } from "./signal";

/** What a write touched, by what the users see. */
export const INVALIDATIONS = {
  /** Agreements and their decisions: the register, the dashboard, the approvals queue. */
  office: {
    topics: ["links", "decisions"],
    paths: [["/agreements"], ["/agreements/[id]", "page"], ["/dashboard"], ["/approvals"]],
  },
  /** Exchanges and events: their logs, their agreements' activity and dormancy. */
  activity: {
    topics: ["activity", "links"],
    paths: [["/exchanges"], ["/events"], ["/agreements"], ["/agreements/[id]", "page"], ["/dashboard"]],
  },
  /** What the public sees: the listing, partner pages and open data. */
  public: {
    topics: ["links", "activity", "decisions"],
    paths: [
      ["/partners", "layout"],
      ["/open-data", "layout"],
      ["/annual-report", "layout"],
    ],
  },
  /** The council's settings: the name in every page's header, the open data's licence. */
  settings: { topics: ["settings"], paths: [["/", "layout"]] },
  /** Staff accounts. */
  users: { topics: [], paths: [["/admin/users"]] },
  /** The signed-in user's own account and the mail it sends. */
  account: { topics: [], paths: [["/account"], ["/admin/outbox"]] },
} satisfies Record<string, { topics: Topic[]; paths: [string, ("layout" | "page")?][] }>;

export type Invalidation = keyof typeof INVALIDATIONS;

/** After a write's transaction has committed: what `scopes` name is read afresh, here at once and by the router. */
export function invalidateAfterWrite(scopes: readonly Invalidation[]): void {
  for (const scope of new Set(scopes)) {
    const { topics, paths } = INVALIDATIONS[scope];
    markChanged(topics);
    for (const [path, type] of paths) revalidatePath(path, type);
  }
}
