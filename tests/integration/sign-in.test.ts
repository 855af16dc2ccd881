// Sign-in against a real database: one message for a wrong email or password, deactivated
// accounts refused, and an account+address pair locked after repeated failures.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ACCOUNT_DEACTIVATED, INCORRECT_CREDENTIALS, MAX_FAILURES, signIn } from "@/lib/auth/sign-in";
import { createStaff, resetDatabase, TEST_PASSWORD } from "../helpers/database";

beforeEach(resetDatabase);

describe("signIn", () => {
  it("signs in with the right password, whatever the case of the email", async () => {
    const user = await createStaff({ email: "olivia@example.test" });
    const result = await signIn("  Olivia@Example.TEST ", TEST_PASSWORD, "203.0.113.5");
    expect(result).toMatchObject({ ok: true, user: { id: user.id, role: "STAFF" } });
    expect(await db.auditLog.count({ where: { action: "auth.sign-in", actorId: user.id } })).toBe(1);
  });

  it("says the same thing for an unknown email and a wrong password, and audits both", async () => {
    await createStaff({ email: "known@example.test" });
    const unknown = await signIn("nobody@example.test", TEST_PASSWORD, null);
    const wrong = await signIn("known@example.test", "not the password", null);
    expect(unknown).toEqual({ ok: false, message: INCORRECT_CREDENTIALS });
    expect(wrong).toEqual({ ok: false, message: INCORRECT_CREDENTIALS });
    expect(await db.auditLog.count({ where: { action: "auth.sign-in-failed" } })).toBe(2);
  });

  it("refuses a deactivated account, even with the right password", async () => {
    await createStaff({ email: "gone@example.test", active: false });
    expect(await signIn("gone@example.test", TEST_PASSWORD, null)).toEqual({ ok: false, message: ACCOUNT_DEACTIVATED });
    expect(await signIn("gone@example.test", "wrong password", null)).toEqual({ ok: false, message: INCORRECT_CREDENTIALS });
  });

  it("locks an account from one address after repeated failures, with a message saying when to retry", async () => {
    await createStaff({ email: "target@example.test" });
    for (let attempt = 0; attempt < MAX_FAILURES; attempt += 1) {
      expect(await signIn("target@example.test", `guess ${attempt}`, "198.51.100.7")).toEqual({ ok: false, message: INCORRECT_CREDENTIALS });
    }
    const locked = await signIn("target@example.test", TEST_PASSWORD, "198.51.100.7");
    expect(locked.ok).toBe(false);
    expect(!locked.ok && locked.message).toMatch(/locked until \d{2}:\d{2}/);
    expect(await db.auditLog.count({ where: { action: "auth.sign-in-locked" } })).toBe(1);
    // The same account from another address is not locked out by someone else's guessing.
    expect((await signIn("target@example.test", TEST_PASSWORD, "192.0.2.10")).ok).toBe(true);
  });
});
