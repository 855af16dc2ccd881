import "server-only";
import { shortLived } from "@/lib/cache";
import { db } from "@/lib/db";
import { readSettings } from "@/lib/settings";

/**
 * The council's settings for pages, kept 5 seconds (every page's layout reads them); saving them
 * through the app reads them afresh at once. Writes read them in their own transaction.
 */
export const getSettings = shortLived(5_000, () => readSettings(db));
