// What is in the database as text: for erasure tests, which must find a person's text nowhere.
import { db } from "@/lib/db";
import { appTables } from "./database";

/** Every row of every table, as text, that contains `text`. */
export async function rowsContaining(text: string): Promise<string[]> {
  const found: string[] = [];
  for (const table of await appTables()) {
    const rows = await db.$queryRawUnsafe<{ row: string }[]>(`SELECT t::text AS "row" FROM "${table}" t`);
    for (const { row } of rows) if (row.includes(text)) found.push(`${table}: ${row}`);
  }
  return found;
}
