// The database fingerprint the bad-input suite compares before and after each refused call
// (tests/helpers/fingerprint.ts) is kept up to date by triggers instead of hashing every table each
// time: it must still see every kind of write — an insert, an update, a delete, a TRUNCATE, a write by
// a raw statement —, see nothing when nothing, or only a rolled-back transaction, was written, and
// equal an earlier fingerprint when the same rows are back.
import { beforeEach, expect, it } from "vitest";
import { db } from "@/lib/db";
import { changedTables, fingerprint } from "../helpers/fingerprint";
import { createStaff, resetDatabase } from "../helpers/database";

beforeEach(resetDatabase);

it("sees each kind of write in the table written, and nothing when nothing was written", async () => {
  const user = await createStaff();
  const start = await fingerprint();
  expect(changedTables(start, await fingerprint())).toEqual([]);

  await db.user.update({ where: { id: user.id }, data: { name: "Renamed" } });
  const renamed = await fingerprint();
  expect(changedTables(start, renamed)).toEqual(["User"]);

  const other = await createStaff();
  const added = await fingerprint();
  expect(changedTables(renamed, added)).toEqual(["User"]);
  expect(added.User!.rows).toBe(renamed.User!.rows + 1);

  await db.$executeRawUnsafe(`DELETE FROM "User" WHERE id = $1::uuid`, other.id);
  const deleted = await fingerprint();
  expect(changedTables(added, deleted)).toEqual(["User"]);
  expect(deleted).toEqual(renamed);

  await expect(
    db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { name: "Rolled back" } });
      throw new Error("refused");
    }),
  ).rejects.toThrow("refused");
  expect(changedTables(deleted, await fingerprint())).toEqual([]);

  await resetDatabase();
  expect(changedTables(deleted, await fingerprint())).toEqual(["User"]);
});
