// User administration against a real database: the last active admin stays, every change is
// audited, and deactivation or a new password ends existing sessions (sessionVersion).
import { beforeEach, describe, expect, it } from "vitest";
import { changeRole, resetPassword, setUserActive } from "@/lib/admin/users";
import { db } from "@/lib/db";
import { AppError } from "@/lib/domain/errors";
import { createAdmin, createStaff, resetDatabase } from "../helpers/database";

beforeEach(resetDatabase);

describe("the last active admin", () => {
  it("cannot be demoted or deactivated, not even by themselves", async () => {
    const admin = await createAdmin();
    await expect(changeRole(admin.id, "STAFF", admin)).rejects.toThrow(AppError);
    await expect(setUserActive(admin.id, false, admin)).rejects.toThrow("last active admin");
    expect(await db.user.findUniqueOrThrow({ where: { id: admin.id }, select: { role: true, active: true } })).toEqual({ role: "ADMIN", active: true });
  });

  it("can step down once another admin is active", async () => {
    const first = await createAdmin();
    const second = await createAdmin();
    expect((await changeRole(first.id, "STAFF", second)).changed).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { id: first.id } })).role).toBe("STAFF");
    await expect(setUserActive(second.id, false, second)).rejects.toThrow("last active admin");
  });

  it("says so, and writes nothing, when the user already has the role", async () => {
    const admin = await createAdmin();
    const other = await createAdmin();
    const audited = await db.auditLog.count({ where: { entityId: other.id } });
    expect((await changeRole(other.id, "ADMIN", admin)).changed).toBe(false);
    expect(await db.auditLog.count({ where: { entityId: other.id } })).toBe(audited);
  });
});

describe("deactivation and password resets", () => {
  it("end the user's sessions and are audited", async () => {
    const admin = await createAdmin();
    const staff = await createStaff();
    const before = await db.user.findUniqueOrThrow({ where: { id: staff.id }, select: { sessionVersion: true } });
    await resetPassword(staff.id, "a brand new password", admin);
    await setUserActive(staff.id, false, admin);
    const after = await db.user.findUniqueOrThrow({ where: { id: staff.id }, select: { sessionVersion: true, active: true } });
    expect(after.active).toBe(false);
    expect(after.sessionVersion).toBe(before.sessionVersion + 2);
    const actions = (await db.auditLog.findMany({ where: { entityId: staff.id }, select: { action: true }, orderBy: { createdAt: "asc" } })).map((row) => row.action);
    expect(actions).toEqual(["user.password-reset", "user.deactivate"]);
  });

  it("is refused to anyone but an admin", async () => {
    const staff = await createStaff();
    const other = await createStaff();
    await expect(setUserActive(other.id, false, staff)).rejects.toThrow("You do not have permission");
  });
});
