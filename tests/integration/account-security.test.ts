// Issue 20 items 1 and 4, on both databases, through the server actions as a form posts them:
// changing one's own password on /account (the current one checked like a sign-in, every other
// session ended and this one kept, audited, the owner emailed whatever their preferences), and an
// administrator unlocking an account's sign-in on /admin/users/<id>; and a forgotten password reset
// through a single-use link sent by email (/password-reset).
// First: it installs the AsyncLocalStorage global that Next's modules expect when they load.
import { inRequest } from "../helpers/request-context";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
vi.mock("next/cache", async () => (await import("../helpers/request-context")).nextCacheMock);
import { changePasswordAction } from "@/app/account/actions";
import { unlockSignInAction } from "@/app/admin/users/actions";
import { requestPasswordResetAction, resetPasswordAction } from "@/app/password-reset/actions";
import nodemailer from "nodemailer";
import { requestPasswordReset, resetLinkWorks, resetPassword, RESET_LINK_USED, RESET_THROTTLED } from "@/lib/auth/password-reset";
import { LINK_EXPIRED_UNSENT, redactExpiredLinkMessages, sendOutbox } from "@/lib/notifications/send-outbox";
import { sessionCookieName } from "@/lib/auth/options";
import { getCurrentUser, startSession } from "@/lib/auth/session";
import { signIn as checkSignIn } from "@/lib/auth/sign-in";
import { getSignInLockedUntil } from "@/lib/data/users";
import { db } from "@/lib/db";
import { EMAIL_RULE, RESET_ADDRESS_RULE, RESET_EMAIL_RULE } from "@/lib/domain/sign-in-lock";
import type { ActionResult } from "@/lib/web/action-result";
import { PEER_ADDRESS_HEADER, recordPeerAddresses } from "@/lib/web/request-context";
import { createAdmin, createStaff, resetDatabase, TEST_PASSWORD, type TestUser } from "../helpers/database";
import { startSmtpServer } from "../helpers/smtp";

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

describe("resetting a forgotten password", () => {
  const SENT = "If an account uses that email, we have sent it a link to reset its password. The link works for 30 minutes. If no email arrives within a few minutes, check your junk folder or ask an administrator.";

  /** The token of the newest reset link emailed to `user`, read from the outbox as the email says it. */
  async function emailedToken(user: TestUser): Promise<string> {
    const message = await db.outboxMessage.findFirstOrThrow({ where: { recipientId: user.id, kind: "PASSWORD_RESET" }, orderBy: { createdAt: "desc" } });
    const token = /\/password-reset\/([A-Za-z0-9_-]{43})\s/.exec(message.textBody)?.[1];
    if (!token) throw new Error(`no reset link in: ${message.textBody}`);
    return token;
  }

  function resetFields(token: string, password = NEW_PASSWORD, confirm = password) {
    return { token, newPassword: password, confirmNewPassword: confirm };
  }

  it("answers the same whether or not the email has an account, and emails a link only to an active account", async () => {
    const staff = await createStaff();
    const gone = await createStaff({ active: false });
    for (const email of [staff.email.toUpperCase(), "nobody-here@example.org", gone.email]) {
      const outcome = await post(requestPasswordResetAction, {}, { email });
      expect(outcome.result).toMatchObject({ status: "success", message: SENT });
    }
    const messages = await db.outboxMessage.findMany({ where: { kind: "PASSWORD_RESET" } });
    expect(messages.map((message) => message.recipientEmail)).toEqual([staff.email]);
    expect(messages[0]!.subject).toBe("Reset your Twinning Office password");
    expect(messages[0]!.textBody).toMatch(/works until \d{1,2} \w+ \d{4} at \d{2}:\d{2} (GMT|BST)/);
    // Only the token's hash is stored, and nothing but the email carries the token.
    const token = await emailedToken(staff);
    const links = await db.singleUseLink.findMany();
    expect(links).toHaveLength(1);
    expect(JSON.stringify(links) + JSON.stringify(await db.auditLog.findMany())).not.toContain(token);
    expect(await db.auditLog.count({ where: { action: "account.password-reset-requested", entityId: staff.id } })).toBe(1);
    // The owner's password is unchanged until the link is used.
    expect(await passwordWorks(staff, TEST_PASSWORD)).toBe(true);
  });

  it("sets the new password through the link once: every session ends, the lock clears, audited and noticed; opening the page uses nothing", async () => {
    const staff = await createStaff();
    const session = await signIn(staff);
    await checkSignIn(staff.email, "a-wrong-guess", "10.40.0.1");
    await post(requestPasswordResetAction, {}, { email: staff.email });
    const token = await emailedToken(staff);

    // A mail scanner opening the link, twice: the link still works.
    expect(await resetLinkWorks(token)).toBe(true);
    expect(await resetLinkWorks(token)).toBe(true);

    const outcome = await post(resetPasswordAction, {}, resetFields(token));
    expect(outcome.redirectedTo).toBe("/login?done=password-reset");
    expect(await userWith(session)).toBeNull();
    expect(await db.userSession.count({ where: { userId: staff.id } })).toBe(0);
    expect(await db.signInCounter.count({ where: { key: `email:${staff.email}` } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "account.password-reset", entityId: staff.id } })).toBe(1);
    expect(await db.outboxMessage.count({ where: { recipientId: staff.id, kind: "PASSWORD_CHANGED" } })).toBe(1);
    expect(await passwordWorks(staff, NEW_PASSWORD)).toBe(true);

    // Used up: the page says so, and a second post changes nothing.
    expect(await resetLinkWorks(token)).toBe(false);
    const again = fieldErrorsOf(await post(resetPasswordAction, {}, resetFields(token, "yet-another-passphrase-77")));
    expect(again.formError).toBe(RESET_LINK_USED);
    expect(await passwordWorks(staff, NEW_PASSWORD)).toBe(true);
  });

  it("refuses a link after 30 minutes, an older link once a newer one is sent, and a made-up token", async () => {
    const staff = await createStaff();
    const askedAt = new Date("2031-05-04T10:00:00Z");
    await requestPasswordReset(staff.email, "10.41.0.1", { clock: () => askedAt });
    const older = await emailedToken(staff);
    const later = (minutes: number) => ({ clock: () => new Date(askedAt.getTime() + minutes * 60_000) });
    expect(await resetLinkWorks(older, later(29))).toBe(true);
    expect(await resetLinkWorks(older, later(30))).toBe(false);
    await expect(resetPassword(resetFields(older), null, later(31))).rejects.toThrow(RESET_LINK_USED);

    await requestPasswordReset(staff.email, "10.41.0.1", later(1));
    const newer = await emailedToken(staff);
    expect(newer).not.toBe(older);
    expect(await resetLinkWorks(older, later(2))).toBe(false);
    expect(await resetLinkWorks(newer, later(2))).toBe(true);
    for (const token of ["", "x".repeat(43), newer.slice(0, 42), `${newer}a`]) expect(await resetLinkWorks(token, later(2))).toBe(false);
    expect(await passwordWorks(staff, TEST_PASSWORD)).toBe(true);
  });

  it("lets exactly one of two concurrent posts of the same link set a password", async () => {
    const staff = await createStaff();
    await post(requestPasswordResetAction, {}, { email: staff.email });
    const token = await emailedToken(staff);
    const outcomes = await Promise.all([post(resetPasswordAction, {}, resetFields(token, "first-racer-passphrase-1")), post(resetPasswordAction, {}, resetFields(token, "second-racer-passphrase-2"))]);
    expect(outcomes.filter((outcome) => outcome.redirectedTo === "/login?done=password-reset")).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.result?.status === "error")).toHaveLength(1);
    expect(await db.auditLog.count({ where: { action: "account.password-reset" } })).toBe(1);
  });

  it("refuses a new password that is too short or not confirmed, naming the field, and keeps the link working", async () => {
    const staff = await createStaff();
    await post(requestPasswordResetAction, {}, { email: staff.email });
    const token = await emailedToken(staff);
    expect(fieldErrorsOf(await post(resetPasswordAction, {}, resetFields(token, "short-one"))).fieldErrors).toEqual({ newPassword: ["Password must be at least 12 characters"] });
    expect(fieldErrorsOf(await post(resetPasswordAction, {}, resetFields(token, NEW_PASSWORD, "something-else-entirely"))).fieldErrors).toEqual({
      confirmNewPassword: ["The new passwords do not match: type the same new password twice"],
    });
    expect(fieldErrorsOf(await post(requestPasswordResetAction, {}, { email: "not-an-email" })).fieldErrors).toEqual({ email: ["Enter an email address in the correct format, like name@example.org"] });
    expect(await resetLinkWorks(token)).toBe(true);
  });

  it("is throttled like sign-in: three links an hour per email, ten requests in fifteen minutes per address", async () => {
    const staff = await createStaff();
    const start = new Date("2031-05-04T10:00:00Z");
    const at = (minutes: number) => ({ clock: () => new Date(start.getTime() + minutes * 60_000) });
    for (let request = 0; request < RESET_EMAIL_RULE.limit; request += 1) await requestPasswordReset(staff.email, `10.42.0.${request}`, at(request));
    // A fourth for the same email, from anywhere, is refused on the email field; an hour on, it goes.
    await expect(requestPasswordReset(staff.email, "10.42.1.1", at(5))).rejects.toThrow(RESET_THROTTLED);
    expect(await db.outboxMessage.count({ where: { kind: "PASSWORD_RESET" } })).toBe(RESET_EMAIL_RULE.limit);
    await requestPasswordReset(staff.email, "10.42.1.1", at(61));
    expect(await db.outboxMessage.count({ where: { kind: "PASSWORD_RESET" } })).toBe(RESET_EMAIL_RULE.limit + 1);

    // One address asking about many emails (known or not) is stopped after ten.
    for (let request = 0; request < RESET_ADDRESS_RULE.limit; request += 1) await requestPasswordReset(`probe-${request}@example.org`, "10.42.2.2", at(request));
    await expect(requestPasswordReset("probe-last@example.org", "10.42.2.2", at(11))).rejects.toThrow(RESET_THROTTLED);
    // Sign-in's own counters are untouched: the owner signs in as before.
    expect(await passwordWorks(staff, TEST_PASSWORD)).toBe(true);
  });

  it("keeps the link in the outbox only until it is sent, or until it expires unsent", async () => {
    const [sent, unsent] = [await createStaff(), await createStaff()];
    const askedAt = new Date("2031-05-04T10:00:00Z");
    await requestPasswordReset(sent.email, "10.43.0.1", { clock: () => askedAt });
    const smtp = await startSmtpServer();
    try {
      const transport = nodemailer.createTransport({ host: "127.0.0.1", port: smtp.port, secure: false, ignoreTLS: true });
      expect((await sendOutbox({ transport, now: new Date() })).sent).toBeGreaterThanOrEqual(1);
      transport.close();
    } finally {
      await smtp.close();
    }
    // The message as sent (quoted-printable: soft line breaks joined) carries the link.
    const raw = smtp.received.find((mail) => mail.to.includes(sent.email))!.raw.replace(/=\r?\n/g, "");
    const token = /\/password-reset\/([A-Za-z0-9_-]{43})/.exec(raw)?.[1];
    expect(token).toBeTruthy();
    expect(await db.outboxMessage.findFirstOrThrow({ where: { recipientId: sent.id, kind: "PASSWORD_RESET" } })).toMatchObject({ status: "SENT", textBody: "", htmlBody: "" });

    await db.outboxMessage.deleteMany();
    await requestPasswordReset(unsent.email, "10.43.0.2", { clock: () => askedAt });
    await db.outboxMessage.updateMany({ data: { createdAt: askedAt } });
    expect(await redactExpiredLinkMessages(new Date(askedAt.getTime() + 29 * 60_000))).toEqual({ redacted: 0 });
    expect(await redactExpiredLinkMessages(new Date(askedAt.getTime() + 30 * 60_000))).toEqual({ redacted: 1 });
    expect(await db.outboxMessage.findFirstOrThrow({ where: { recipientId: unsent.id } })).toMatchObject({ status: "FAILED", textBody: "", htmlBody: "", nextAttemptAt: null, lastError: LINK_EXPIRED_UNSENT });
  });
});
