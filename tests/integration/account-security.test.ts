// Issue 20 items 1 and 4, on both databases, through the server actions as a form posts them:
// changing one's own password on /account (the current one checked like a sign-in, every other
// session ended and this one kept, audited, the owner emailed whatever their preferences), and an
// administrator unlocking an account's sign-in on /admin/users/<id>.
// First: it installs the AsyncLocalStorage global that Next's modules expect when they load.
import { inRequest } from "../helpers/request-context";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
vi.mock("next/cache", async () => (await import("../helpers/request-context")).nextCacheMock);
import { changePasswordAction } from "@/app/account/actions";
import { unlockSignInAction } from "@/app/admin/users/actions";
import { sessionCookieName } from "@/lib/auth/options";
import { getCurrentUser, startSession } from "@/lib/auth/session";
import { signIn as checkSignIn } from "@/lib/auth/sign-in";
import { getSignInLockedUntil } from "@/lib/data/users";
import { db } from "@/lib/db";
import { EMAIL_RULE } from "@/lib/domain/sign-in-lock";
import type { ActionResult } from "@/lib/web/action-result";
import { PEER_ADDRESS_HEADER, recordPeerAddresses } from "@/lib/web/request-context";
import { createAdmin, createStaff, resetDatabase, TEST_PASSWORD, type TestUser } from "../helpers/database";

const NEW_PASSWORD = "a-brand-new-passphrase-2026";
const LOCKED = /^Too many failed attempts to sign in\. For your security, sign-in is locked until \d{2}:\d{2} (GMT|BST); try again then\.$/;

type Cookies = Record<string, string>;
type Outcome = { result: ActionResult | null; redirectedTo: string | null; setCookies: Cookies };

let addressSequence = 0;
/** A new client address per call, so that only the email's counter is shared between calls. */
function freshAddress(): Record<string, string> {
  addressSequence += 1;
  return { [PEER_ADDRESS_HEADER]: `10.20.${(addressSequence >> 8) & 255}.${addressSequence & 255}` };
}

beforeAll(() => recordPeerAddresses());

beforeEach(async () => {
  vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
  await resetDatabase();
});

afterEach(() => vi.unstubAllEnvs());

async function signIn(user: TestUser): Promise<Cookies> {
  const record = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { id: true, email: true, name: true, role: true, sessionVersion: true } });
  return (await inRequest({}, () => startSession(record))).setCookies;
}

async function userWith(cookies: Cookies) {
  return (await inRequest({ cookies }, () => getCurrentUser())).value;
}

/** Posts a form to an action with these cookies: its result, or where it redirected, and the cookies it set. */
async function post(action: (previous: ActionResult, form: FormData) => Promise<ActionResult>, cookies: Cookies, fields: Record<string, string>): Promise<Outcome> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  const { value, setCookies } = await inRequest({ cookies, headers: freshAddress() }, async () => {
    try {
      return { result: await action({ status: "idle" }, form), redirectedTo: null };
    } catch (error) {
      const digest = (error as { digest?: unknown }).digest;
      if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return { result: null, redirectedTo: digest.split(";")[2] ?? "" };
      throw error;
    }
  });
  return { ...value, setCookies };
}

function changeFields(current: string, next: string, confirm = next) {
  return { currentPassword: current, newPassword: next, confirmNewPassword: confirm };
}

function fieldErrorsOf(outcome: Outcome) {
  expect(outcome.result?.status).toBe("error");
  if (outcome.result?.status !== "error") throw new Error(`not refused: ${JSON.stringify(outcome)}`);
  return outcome.result;
}

async function passwordWorks(user: TestUser, password: string): Promise<boolean> {
  return (await checkSignIn(user.email, password, "10.99.0.1")).ok;
}

describe("changing one's own password", () => {
  it("sets the new password, ends every other session, keeps this one, audits and emails the owner", async () => {
    const staff = await createStaff();
    // The owner turned every email off: a security notice is sent all the same.
    await db.notificationPreference.createMany({ data: ["DECISION_REACHED", "WEEKLY_DIGEST"].map((kind) => ({ userId: staff.id, kind: kind as "DECISION_REACHED" | "WEEKLY_DIGEST", enabled: false })) });
    const here = await signIn(staff);
    const elsewhere = await signIn(staff);

    const outcome = await post(changePasswordAction, here, changeFields(TEST_PASSWORD, NEW_PASSWORD));
    expect(outcome.redirectedTo).toBe("/account?done=password-changed");

    // The other session has ended; this one goes on with the cookie the action re-issued.
    expect(await userWith(elsewhere)).toBeNull();
    expect(await userWith(here)).toBeNull();
    const reissued = { ...here, [sessionCookieName()]: outcome.setCookies[sessionCookieName()]! };
    expect(outcome.setCookies[sessionCookieName()]).toBeTruthy();
    expect((await userWith(reissued))?.id).toBe(staff.id);
    expect(await db.userSession.count({ where: { userId: staff.id } })).toBe(1);

    expect(await passwordWorks(staff, NEW_PASSWORD)).toBe(true);
    expect(await passwordWorks(staff, TEST_PASSWORD)).toBe(false);
    expect(await db.auditLog.count({ where: { action: "account.password-change", actorId: staff.id, entityId: staff.id } })).toBe(1);

    const [email] = await db.outboxMessage.findMany({ where: { recipientId: staff.id } });
    expect(email).toMatchObject({ kind: "PASSWORD_CHANGED", recipientEmail: staff.email, status: "PENDING" });
    expect(email?.textBody).toMatch(/changed on \d{1,2} \w+ \d{4} at \d{2}:\d{2} (GMT|BST)/);
    // No password, old or new, is ever stored anywhere but as the hash.
    const audit = JSON.stringify(await db.auditLog.findMany());
    expect(audit + email!.textBody + email!.htmlBody).not.toContain(NEW_PASSWORD);
    expect(audit).not.toContain(TEST_PASSWORD);
  });

  it("refuses a wrong current password on that field, changes nothing, and counts it towards the sign-in lock", async () => {
    const staff = await createStaff();
    const cookies = await signIn(staff);
    const other = await signIn(staff);
    const { passwordHash: hashBefore } = await db.user.findUniqueOrThrow({ where: { id: staff.id } });
    const outcome = await post(changePasswordAction, cookies, changeFields("not-my-password", NEW_PASSWORD));
    const { fieldErrors, values } = fieldErrorsOf(outcome);
    expect(fieldErrors).toEqual({ currentPassword: ["Your current password is incorrect"] });
    // Passwords are never echoed back to the form.
    expect(values).toEqual({});
    // (Not checked by signing in: a right password would clear the failures counted.)
    expect((await db.user.findUniqueOrThrow({ where: { id: staff.id } })).passwordHash).toBe(hashBefore);
    expect((await userWith(other))?.id).toBe(staff.id);
    expect(await db.outboxMessage.count()).toBe(0);
    expect(await db.auditLog.count({ where: { action: "account.password-change-failed", actorId: staff.id } })).toBe(1);

    // Four more wrong guesses (five in all) lock the account, for sign-in and for this form.
    for (let attempt = 1; attempt < EMAIL_RULE.limit; attempt += 1) {
      const guess = await post(changePasswordAction, cookies, changeFields(`wrong-guess-${attempt}`, NEW_PASSWORD));
      expect(fieldErrorsOf(guess).fieldErrors).toEqual({ currentPassword: ["Your current password is incorrect"] });
    }
    expect(await getSignInLockedUntil(staff.email)).toBeInstanceOf(Date);
    const locked = fieldErrorsOf(await post(changePasswordAction, cookies, changeFields(TEST_PASSWORD, NEW_PASSWORD)));
    expect(locked.fieldErrors.currentPassword?.[0]).toMatch(LOCKED);
    expect((await checkSignIn(staff.email, TEST_PASSWORD, "10.99.0.2")).ok).toBe(false);
  });

  it("refuses a new password that is too short, or not confirmed, naming the field, and checks no password", async () => {
    const staff = await createStaff();
    const cookies = await signIn(staff);
    expect(fieldErrorsOf(await post(changePasswordAction, cookies, changeFields(TEST_PASSWORD, "short-one"))).fieldErrors).toEqual({ newPassword: ["Password must be at least 12 characters"] });
    expect(fieldErrorsOf(await post(changePasswordAction, cookies, changeFields(TEST_PASSWORD, NEW_PASSWORD, `${NEW_PASSWORD}!`))).fieldErrors).toEqual({
      confirmNewPassword: ["The new passwords do not match: type the same new password twice"],
    });
    expect(fieldErrorsOf(await post(changePasswordAction, cookies, changeFields("", NEW_PASSWORD, ""))).fieldErrors).toEqual({
      currentPassword: ["Enter your current password"],
      confirmNewPassword: ["Confirm your new password"],
    });
    expect(await passwordWorks(staff, TEST_PASSWORD)).toBe(true);
    expect(await db.signInCounter.count({ where: { key: `email:${staff.email}`, failures: { gt: 0 } } })).toBe(0);
    expect((await userWith(cookies))?.id).toBe(staff.id);
  });

  it("is refused to a visitor who is not signed in", async () => {
    const staff = await createStaff();
    const outcome = await post(changePasswordAction, {}, changeFields(TEST_PASSWORD, NEW_PASSWORD));
    expect(outcome.result?.status).toBe("error");
    expect(await passwordWorks(staff, TEST_PASSWORD)).toBe(true);
  });
});

describe("unlocking an account's sign-in", () => {
  async function lockOut(user: TestUser): Promise<void> {
    for (let attempt = 0; attempt < EMAIL_RULE.limit; attempt += 1) await checkSignIn(user.email, `wrong-guess-${attempt}`, `10.30.0.${attempt}`);
  }

  it("clears the lock, so the right password signs in again at once; audited", async () => {
    const admin = await createAdmin();
    const staff = await createStaff();
    await lockOut(staff);
    const lockedUntil = await getSignInLockedUntil(staff.email);
    expect(lockedUntil).toBeInstanceOf(Date);
    expect((await checkSignIn(staff.email, TEST_PASSWORD, "10.30.1.1")).ok).toBe(false);

    const outcome = await post(unlockSignInAction, await signIn(admin), { userId: staff.id });
    expect(outcome.redirectedTo).toBe(`/admin/users/${staff.id}?done=unlocked`);
    expect(await getSignInLockedUntil(staff.email)).toBeNull();
    expect((await checkSignIn(staff.email, TEST_PASSWORD, "10.30.1.2")).ok).toBe(true);
    expect(await db.auditLog.count({ where: { action: "user.sign-in-unlock", actorId: admin.id, entityId: staff.id } })).toBe(1);
  });

  it("is refused to anyone but an administrator, and the lock stays", async () => {
    const officer = await createStaff();
    const staff = await createStaff();
    await lockOut(staff);
    const outcome = await post(unlockSignInAction, await signIn(officer), { userId: staff.id });
    expect(outcome.result?.status).toBe("error");
    expect(await getSignInLockedUntil(staff.email)).toBeInstanceOf(Date);
    expect(await db.auditLog.count({ where: { action: "user.sign-in-unlock" } })).toBe(0);
  });

  it("says nothing is locked for an account without failures, or whose lock has ended", async () => {
    const staff = await createStaff();
    expect(await getSignInLockedUntil(staff.email)).toBeNull();
    await lockOut(staff);
    const until = (await getSignInLockedUntil(staff.email))!;
    expect(await getSignInLockedUntil(staff.email, new Date(until.getTime() + 1000))).toBeNull();
  });
});
