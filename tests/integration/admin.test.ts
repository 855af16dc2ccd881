// User administration against a real database: the last active admin stays, every change is
// audited, and deactivation or a new password ends existing sessions (sessionVersion).
import { beforeEach, describe, expect, it } from "vitest";
import { updateSettings } from "@/lib/admin/update-settings";
import { changeRole, resetPassword, setUserActive } from "@/lib/admin/users";
import { db } from "@/lib/db";
import { AppError } from "@/lib/domain/errors";
import { settingsSchema } from "@/lib/domain/validation/admin";
import { translateFieldMessage } from "@/lib/domain/validation/messages";
import { readSettings } from "@/lib/settings";
import { backend, createAdmin, createCouncillor, createStaff, resetDatabase, setApprovalsNeeded } from "../helpers/database";
import { refusal } from "../helpers/outcomes";

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

describe("the quorum: approvals needed and the active councillors", () => {
  const settings = (approvalsNeeded: number) =>
    settingsSchema.parse({ councilName: "Testford", approvalsNeeded: String(approvalsNeeded), dormancyMonths: "24", openDataLicence: "OGL", reminderDays: "7", twoStepRequiredFor: "NOBODY" });

  it("'Approvals needed' cannot be set above the active councillors: the field says how many there are", async () => {
    const admin = await createAdmin();
    await createCouncillor();
    await createCouncillor();
    await createCouncillor({ active: false });
    await createStaff();

    const error = await refusal(updateSettings(settings(3), admin));
    expect(error.fieldErrors).toEqual({ approvalsNeeded: ["Approvals needed cannot be more than the 2 active councillors"] });
    expect(translateFieldMessage(error.fieldErrors.approvalsNeeded![0]!, "cy")).toBe("Ni all nifer y cymeradwyaethau sydd eu hangen fod yn fwy na nifer y cynghorwyr gweithredol (2)");
    expect((await readSettings(db)).approvalsNeeded).toBe(1);

    await updateSettings(settings(2), admin);
    expect((await readSettings(db)).approvalsNeeded).toBe(2);
  });

  it("an unchanged value is kept, so a council with no councillor yet can still save its other settings", async () => {
    const admin = await createAdmin();
    await updateSettings({ ...settings(1), councilName: "Borough of Testford" }, admin);
    expect(await readSettings(db)).toMatchObject({ councilName: "Borough of Testford", approvalsNeeded: 1 });
    const error = await refusal(updateSettings(settings(2), admin));
    expect(error.fieldErrors.approvalsNeeded).toEqual(["Approvals needed cannot be more than the number of active councillors, and there are none: make a user a councillor first"]);
  });

  it("a councillor cannot be deactivated or given another role when too few would remain: lower 'Approvals needed' first", async () => {
    const admin = await createAdmin();
    const chris = await createCouncillor();
    const dana = await createCouncillor();
    await setApprovalsNeeded(2);

    const deactivation = await refusal(setUserActive(dana.id, false, admin));
    expect(deactivation.code).toBe("INVALID_TRANSITION");
    expect(deactivation.message).toBe("Only 1 active councillor would remain, fewer than the 2 approvals needed: lower “Approvals needed” in Settings first.");
    expect(translateFieldMessage(deactivation.message, "cy")).toMatch(/^Dim ond 1 o gynghorwyr gweithredol fyddai ar ôl/);
    expect((await refusal(changeRole(chris.id, "STAFF", admin))).message).toBe(deactivation.message);
    expect(await db.user.count({ where: { role: "COUNCILLOR", active: true } })).toBe(2);
    expect(await db.auditLog.count({ where: { action: { in: ["user.deactivate", "user.role-change"] } } })).toBe(0);

    // A third councillor, or a lower quorum, and the change goes through.
    const third = await createCouncillor();
    await setUserActive(dana.id, false, admin);
    await expect(setUserActive(third.id, false, admin)).rejects.toThrow("lower “Approvals needed” in Settings first");
    await updateSettings(settings(1), admin);
    expect((await changeRole(chris.id, "STAFF", admin)).changed).toBe(true);
    // The last councillor with one approval needed: someone must be able to decide.
    expect((await refusal(setUserActive(third.id, false, admin))).message).toBe("No active councillor would remain, and 1 approval is needed: make another user a councillor first.");
    // Deactivated councillors and other roles are not counted; reactivating is always allowed.
    await setUserActive(dana.id, true, admin);
    await setUserActive(third.id, false, admin);
  });

  // PGlite has one connection, so its transactions never overlap: the race needs a real server.
  it.runIf(backend() === "postgres")("a new quorum saved while a councillor is deactivated: both cannot succeed when together they break the rule (PostgreSQL)", async () => {
    const admin = await createAdmin();
    const [, , dana] = [await createCouncillor(), await createCouncillor(), await createCouncillor()];
    await setApprovalsNeeded(2);

    // Hold Dana's row, so the deactivation stops after its check (3 active, 2 needed: fine) at its
    // write; the new quorum of 3 is then checked while the deactivation is still uncommitted.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let held!: () => void;
    const holding = new Promise<void>((resolve) => (held = resolve));
    const holder = db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${dana.id}::uuid FOR UPDATE`;
        held();
        await released;
      },
      { timeout: 30_000 },
    );
    await holding;
    const deactivation = setUserActive(dana.id, false, admin);
    await waitUntil(() => sessionsWaitingOn("%UPDATE%\"User\"%"));
    const quorum = updateSettings(settings(3), admin);
    // With the settings row locked by the deactivation, the new quorum waits for it (without the
    // lock it would pass at once, seeing 3 councillors).
    await Promise.race([quorum.catch(() => undefined), waitUntil(() => sessionsWaitingOn("%CouncilSettings%FOR UPDATE%"))]);
    release();
    await holder;
    const [deactivated, saved] = await Promise.allSettled([deactivation, quorum]);

    expect(deactivated.status).toBe("fulfilled");
    expect(saved.status).toBe("rejected");
    expect(saved.status === "rejected" && saved.reason).toMatchObject({ fieldErrors: { approvalsNeeded: ["Approvals needed cannot be more than the 2 active councillors"] } });
    const activeCouncillors = await db.user.count({ where: { role: "COUNCILLOR", active: true } });
    expect((await readSettings(db)).approvalsNeeded).toBeLessThanOrEqual(activeCouncillors);
  });
});

/** Whether a session of this database waits for a lock, running a statement like `pattern`. */
async function sessionsWaitingOn(pattern: string): Promise<boolean> {
  const [row] = await db.$queryRaw<{ waiting: number }[]>`
    SELECT count(*)::int AS "waiting" FROM pg_stat_activity
    WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE ${pattern}`;
  return (row?.waiting ?? 0) > 0;
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error("Timed out waiting for the lock.");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
