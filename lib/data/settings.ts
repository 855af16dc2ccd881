import "server-only";
import { memoUntilChanged } from "@/lib/cache";
import { db } from "@/lib/db";
import { readSettings } from "@/lib/settings";

/**
 * The council's settings for pages (every page's layout reads them), kept until they change
 * (lib/cache). Writes read them in their own transaction.
 */
export const getSettings = memoUntilChanged({ topics: ["settings"], maxEntries: 1 }, () => readSettings(db));
