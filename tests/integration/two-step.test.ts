// Issue 20 item 5, on both databases, through the server actions as a form posts them: setting up
// two-step verification on /account (the secret sealed at rest, ten recovery codes shown once and
// kept as hashes), signing in with a code after the password (no session before it; a wrong code
// counts as a failed sign-in; a code works once), recovery codes spent once under concurrency, an
// admin's reset, and the council's setting of who must use it.
// First: it installs the AsyncLocalStorage global that Next's modules expect when they load.
import { inRequest } from "../helpers/request-context";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
vi.mock("next/cache", async () => (await import("../helpers/request-context")).nextCacheMock);
import { confirmTwoStepAction, renewRecoveryCodesAction, startTwoStepAction, turnOffTwoStepAction } from "@/app/account/actions";
import { updateSettingsAction } from "@/app/admin/settings/actions";
import { resetTwoStepAction } from "@/app/admin/users/actions";
import { signInAction, twoStepSignInAction } from "@/app/login/actions";
import { sessionCookieName } from "@/lib/auth/options";
import { getCurrentUser, startSession } from "@/lib/auth/session";
import { totpCode } from "@/lib/auth/totp";
import { readTwoStepStatus } from "@/lib/auth/two-step";
import { completeTwoStepSignIn, pendingCookieName } from "@/lib/auth/two-step-sign-in";
import { db } from "@/lib/db";
import { can } from "@/lib/domain/permissions";
import { EMAIL_RULE } from "@/lib/domain/sign-in-lock";
import type { ActionResult } from "@/lib/web/action-result";
import { PEER_ADDRESS_HEADER, recordPeerAddresses } from "@/lib/web/request-context";
import { createAdmin, createStaff, resetDatabase, type TestUser } from "../helpers/database";
import { databaseContains } from "../helpers/fingerprint";

type Cookies = Record<string, string>;
type Outcome = { result: ActionResult | null; redirectedTo: string | null; setCookies: Cookies };

const STEP_MS = 30_000;
const WRONG_CODE = /^Verification code is not right, or has been used/;

let addressSequence = 0;
function freshAddress(): string {
  addressSequence += 1;
  return `10.30.${(addressSequence >> 8) & 255}.${addressSequence & 255}`;
}

beforeAll(() => recordPeerAddresses());

beforeEach(async () => {
  vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
  await resetDatabase();
});

afterEach(() => vi.unstubAllEnvs());

async function sessionFor(user: TestUser): Promise<Cookies> {
  const record = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { id: true, email: true, name: true, role: true, sessionVersion: true } });
  return (await inRequest({}, () => startSession(record))).setCookies;
}

async function userWith(cookies: Cookies) {
  return (await inRequest({ cookies }, () => getCurrentUser())).value;
}

async function post(action: (previous: ActionResult, form: FormData) => Promise<ActionResult>, cookies: Cookies, fields: Record<string, string>, path = "/"): Promise<Outcome> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  const { value, setCookies } = await inRequest({ cookies, headers: { [PEER_ADDRESS_HEADER]: freshAddress() }, path }, async () => {
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

function errorsOf(outcome: Outcome) {
  if (outcome.result?.status !== "error") throw new Error(`not refused: ${JSON.stringify(outcome)}`);
  return outcome.result;
}

async function auditActions(userId: string): Promise<string[]> {
  const rows = await db.auditLog.findMany({ where: { OR: [{ actorId: userId }, { entityId: userId }] }, orderBy: { createdAt: "asc" }, select: { action: true } });
  return rows.map((row) => row.action);
}

/** Sets up two-step verification through /account's actions; returns the secret and the recovery codes shown. */
async function setUp(user: TestUser, cookies: Cookies): Promise<{ secret: string; codes: readonly string[] }> {
  expect((await post(startTwoStepAction, cookies, { step: "start" })).redirectedTo).toBe("/account?done=two-step-setup");
  const status = await readTwoStepStatus(user.id);
  if (status.state !== "setting-up") throw new Error(status.state);
  const confirmed = await post(confirmTwoStepAction, cookies, { code: totpCode(status.secret, new Date()) });
  if (confirmed.result?.status !== "success" || !confirmed.result.revealed) throw new Error(JSON.stringify(confirmed));
  return { secret: status.secret, codes: confirmed.result.revealed };
}

/** Email and password on /login: the pending sign-in cookie it set (and that no session began). */
async function passwordStep(user: TestUser): Promise<Cookies> {
  const outcome = await post(signInAction, {}, { email: user.email, password: user.password, callbackUrl: "/agreements" }, "/login");
  expect(outcome.redirectedTo).toBe(`/login?callbackUrl=${encodeURIComponent("/agreements")}`);
  expect(outcome.setCookies[sessionCookieName()]).toBeUndefined();
  const pending = outcome.setCookies[pendingCookieName()];
  expect(pending).toBeTruthy();
  return { [pendingCookieName()]: pending! };
}

describe("setting up two-step verification on /account", () => {
  it("seals the secret, turns it on with a code from the app, and shows ten recovery codes once, kept only as hashes", async () => {
    const staff = await createStaff();
    const cookies = await sessionFor(staff);
    await post(startTwoStepAction, cookies, { step: "start" });
    const status = await readTwoStepStatus(staff.id);
    if (status.state !== "setting-up") throw new Error(status.state);
    expect(status.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(await databaseContains(status.secret)).toBe(false);

    const wrong = errorsOf(await post(confirmTwoStepAction, cookies, { code: "000000" === totpCode(status.secret, new Date()) ? "111111" : "000000" }));
    expect(wrong.fieldErrors.code?.[0]).toMatch(/^Verification code is not right/);
    expect((await readTwoStepStatus(staff.id)).state).toBe("setting-up");

    const confirmed = await post(confirmTwoStepAction, cookies, { code: totpCode(status.secret, new Date()) });
    expect(confirmed.result).toMatchObject({ status: "success", confirmation: "account.two-step-on" });
    const codes = confirmed.result?.status === "success" ? (confirmed.result.revealed ?? []) : [];
    expect(codes).toHaveLength(10);
    for (const code of codes) expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{4}(-[0-9a-hjkmnp-tv-z]{4}){3}$/);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(await databaseContains(code.replaceAll("-", ""))).toBe(false);
    expect(await db.recoveryCode.count({ where: { userId: staff.id, usedAt: null } })).toBe(10);
    expect(await readTwoStepStatus(staff.id)).toMatchObject({ state: "on", recoveryCodesLeft: 10 });
    expect(await auditActions(staff.id)).toEqual(["account.two-step-setup-start", "account.two-step-on"]);
  });

  it("new recovery codes and turning it off need the current password or a code; a wrong one counts as a failed sign-in", async () => {
    const staff = await createStaff();
    const cookies = await sessionFor(staff);
    const { codes } = await setUp(staff, cookies);
    const refused = errorsOf(await post(renewRecoveryCodesAction, cookies, { passwordOrCode: "not my password" }));
    expect(refused.fieldErrors.passwordOrCode?.[0]).toBe("That is not your current password or a verification code that works now");
    expect((await db.signInCounter.findUnique({ where: { key: `email:${staff.email}` } }))?.failures).toBe(1);

    const renewed = await post(renewRecoveryCodesAction, cookies, { passwordOrCode: staff.password });
    const fresh = renewed.result?.status === "success" ? (renewed.result.revealed ?? []) : [];
    expect(fresh).toHaveLength(10);
    expect(fresh.some((code) => codes.includes(code))).toBe(false);

    // A recovery code proves it too (and is spent): one of the fresh ones turns it off.
    expect((await post(turnOffTwoStepAction, cookies, { passwordOrCode: codes[0]! })).result?.status).toBe("error");
    expect((await post(turnOffTwoStepAction, cookies, { passwordOrCode: fresh[0]! })).redirectedTo).toBe("/account?done=two-step-off");
    expect(await readTwoStepStatus(staff.id)).toEqual({ state: "off" });
    expect(await db.recoveryCode.count({ where: { userId: staff.id } })).toBe(0);
    expect(await auditActions(staff.id)).toContain("account.two-step-off");

    // Each change was a security notice to the owner: on, new codes, off.
    const notices = await db.outboxMessage.findMany({ where: { recipientId: staff.id, kind: "TWO_STEP_CHANGED" }, orderBy: { createdAt: "asc" } });
    expect(notices.map((notice) => notice.textBody.split("\n")[2])).toEqual([
      expect.stringMatching(/^Two-step verification was turned on for your account on /),
      expect.stringMatching(/^New recovery codes were made for your account on /),
      expect.stringMatching(/^Two-step verification was turned off for your account on /),
    ]);
    expect(notices.every((notice) => notice.subject === "Two-step verification on your Twinning Office account has changed")).toBe(true);
  });
});

describe("signing in with two-step verification", () => {
  it("asks for a code after the password, starts no session before it, refuses a wrong code (counted), then signs in", async () => {
    const staff = await createStaff();
    const { secret } = await setUp(staff, await sessionFor(staff));
    const pending = await passwordStep(staff);
    expect(await userWith(pending)).toBeNull();

    const wrong = errorsOf(await post(twoStepSignInAction, pending, { code: "12345", callbackUrl: "/agreements" }, "/login"));
    expect(wrong.fieldErrors.code?.[0]).toMatch(WRONG_CODE);
    expect((await db.signInCounter.findUnique({ where: { key: `email:${staff.email}` } }))?.failures).toBe(1);

    // The next step's code: the one used to confirm the setup (this step's) is spent.
    const outcome = await post(twoStepSignInAction, pending, { code: totpCode(secret, new Date(Date.now() + STEP_MS)), callbackUrl: "/agreements" }, "/login");
    expect(outcome.redirectedTo).toBe("/agreements");
    expect(outcome.setCookies[pendingCookieName()]).toBe("");
    expect((await userWith(outcome.setCookies))?.id).toBe(staff.id);
    // The right code clears the account's failures, as a right password does.
    expect((await db.signInCounter.findUnique({ where: { key: `email:${staff.email}` } }))?.failures).toBe(0);
    expect(await auditActions(staff.id)).toEqual(expect.arrayContaining(["auth.sign-in-password", "auth.sign-in-failed", "auth.sign-in"]));
  });

  it("a code works once: the same code, or one of an earlier step, is refused afterwards", async () => {
    const staff = await createStaff();
    const { secret } = await setUp(staff, await sessionFor(staff));
    const now = new Date(Date.now() + 5 * STEP_MS);
    const pending = { userId: staff.id, sessionVersion: 0 };
    const code = totpCode(secret, now);
    await expect(completeTwoStepSignIn(pending, code, freshAddress(), { clock: () => now })).resolves.toMatchObject({ id: staff.id });
    await expect(completeTwoStepSignIn(pending, code, freshAddress(), { clock: () => now })).rejects.toThrow(WRONG_CODE);
    await expect(completeTwoStepSignIn(pending, totpCode(secret, new Date(now.getTime() - STEP_MS)), freshAddress(), { clock: () => now })).rejects.toThrow(WRONG_CODE);
    // Two requests with one new code at once: one is accepted.
    const later = new Date(now.getTime() + STEP_MS);
    const next = totpCode(secret, later);
    const results = await Promise.allSettled([0, 1, 2].map(() => completeTwoStepSignIn(pending, next, freshAddress(), { clock: () => later })));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
  });

  it("a recovery code signs in once, however many requests carry it at once", async () => {
    const staff = await createStaff();
    const { codes } = await setUp(staff, await sessionFor(staff));
    const pending = { userId: staff.id, sessionVersion: 0 };
    const code = codes[3]!.toUpperCase().replaceAll("-", " ");
    const results = await Promise.allSettled([0, 1, 2, 3].map(() => completeTwoStepSignIn(pending, code, freshAddress())));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await db.recoveryCode.count({ where: { userId: staff.id, usedAt: { not: null } } })).toBe(1);
    await expect(completeTwoStepSignIn(pending, codes[3]!, freshAddress())).rejects.toThrow(WRONG_CODE);
    await expect(completeTwoStepSignIn(pending, codes[4]!, freshAddress())).resolves.toMatchObject({ id: staff.id });
  });

  it("wrong codes lock the account like wrong passwords; a pending sign-in from before a new session counter is refused", async () => {
    const staff = await createStaff();
    const { secret } = await setUp(staff, await sessionFor(staff));
    const pending = { userId: staff.id, sessionVersion: 0 };
    const now = new Date();
    for (let attempt = 0; attempt < EMAIL_RULE.limit; attempt += 1) await expect(completeTwoStepSignIn(pending, "000000", freshAddress(), { clock: () => now })).rejects.toThrow();
    await expect(completeTwoStepSignIn(pending, totpCode(secret, now), freshAddress(), { clock: () => now })).rejects.toThrow(/sign-in is locked until/);

    await db.user.update({ where: { id: staff.id }, data: { sessionVersion: { increment: 1 } } });
    await expect(completeTwoStepSignIn(pending, totpCode(secret, now), freshAddress())).rejects.toThrow(/^Your sign-in has expired or changed/);
  });

  it("a forged or expired pending cookie starts nothing", async () => {
    const staff = await createStaff();
    await setUp(staff, await sessionFor(staff));
    const forged = errorsOf(await post(twoStepSignInAction, { [pendingCookieName()]: "v1.00000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" }, { code: "123456" }, "/login"));
    expect(forged.fieldErrors.code?.[0]).toMatch(/^Your sign-in has expired or changed/);
  });
});

describe("an admin's reset, and the council's setting", () => {
  it("an admin resets a user's two-step verification: off, codes gone, sessions ended, audited", async () => {
    const [admin, staff] = await Promise.all([createAdmin(), createStaff()]);
    const staffCookies = await sessionFor(staff);
    await setUp(staff, staffCookies);
    const outcome = await post(resetTwoStepAction, await sessionFor(admin), { userId: staff.id });
    expect(outcome.redirectedTo).toBe(`/admin/users/${staff.id}?done=two-step-reset`);
    expect(await readTwoStepStatus(staff.id)).toEqual({ state: "off" });
    expect(await db.recoveryCode.count({ where: { userId: staff.id } })).toBe(0);
    expect(await userWith(staffCookies)).toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "user.two-step-reset" }, select: { actorId: true, entityId: true } });
    expect(audit).toEqual({ actorId: admin.id, entityId: staff.id });
    const notice = await db.outboxMessage.findFirstOrThrow({ where: { recipientId: staff.id, kind: "TWO_STEP_CHANGED" }, orderBy: { createdAt: "desc" } });
    expect(notice.textBody).toContain("An administrator reset two-step verification for your account");
    // Staff cannot.
    expect(errorsOf(await post(resetTwoStepAction, await sessionFor(staff), { userId: admin.id })).formError).toBe("You do not have permission to do that.");
  });

  it("required for admins: an admin without it may only open their account until set up, and cannot turn it off; staff are unaffected", async () => {
    const [admin, staff] = await Promise.all([createAdmin(), createStaff()]);
    const adminCookies = await sessionFor(admin);
    const saved = await post(updateSettingsAction, adminCookies, {
      councilName: "Twinning Office",
      approvalsNeeded: "1",
      dormancyMonths: "24",
      reminderDays: "7",
      openDataLicence: "Open Government Licence v3.0",
      twoStepRequiredFor: "ADMINS",
    });
    expect(saved.result?.status).toBe("success");
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "settings.update" }, select: { details: true } });
    expect(audit.details).toMatchObject({ before: { twoStepRequiredFor: "NOBODY" }, after: { twoStepRequiredFor: "ADMINS" } });

    const due = await userWith(adminCookies);
    expect(due).toMatchObject({ id: admin.id, twoStepSetupDue: true });
    expect(can(due, "account:manage")).toBe(true);
    expect(can(due, "user:manage")).toBe(false);
    expect(can(due, "dashboard:view")).toBe(false);
    expect(errorsOf(await post(resetTwoStepAction, adminCookies, { userId: staff.id })).formError).toBe("You do not have permission to do that.");
    expect((await userWith(await sessionFor(staff)))?.twoStepSetupDue).toBeUndefined();

    await setUp(admin, adminCookies);
    expect((await userWith(adminCookies))?.twoStepSetupDue).toBeUndefined();
    const off = errorsOf(await post(turnOffTwoStepAction, adminCookies, { passwordOrCode: admin.password }));
    expect(off.formError).toBe("Your council requires two-step verification for your role, so it cannot be turned off");
    expect((await readTwoStepStatus(admin.id)).state).toBe("on");
  });
});
