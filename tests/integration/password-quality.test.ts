// Issue 20 item 3 (ASVS 2.1), on both databases, through the server actions as a form posts them:
// every new password — an admin creating a user or setting a password on /admin/users, a user
// changing their own on /account — is refused when it is easy to guess, beside its field and saying
// why (in the page's language), and nothing is saved.
// First: it installs the AsyncLocalStorage global that Next's modules expect when they load.
import { inRequest } from "../helpers/request-context";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
vi.mock("next/cache", async () => (await import("../helpers/request-context")).nextCacheMock);
import { changePasswordAction } from "@/app/account/actions";
import { createUserAction, resetPasswordAction } from "@/app/admin/users/actions";
import { startSession } from "@/lib/auth/session";
import { signIn } from "@/lib/auth/sign-in";
import { db } from "@/lib/db";
import { LOCALE_HEADER } from "@/lib/i18n/request-header";
import type { ActionResult } from "@/lib/web/action-result";
import { PEER_ADDRESS_HEADER, recordPeerAddresses } from "@/lib/web/request-context";
import { createAdmin, createStaff, resetDatabase, rowCounts, TEST_PASSWORD, type TestUser } from "../helpers/database";

const COMMON = "password1234";
const COMMON_REFUSED = "Password is too easy to guess: it is a common password with a few letters or numbers added or changed";
const STRONG = "velvet-harbour-tractor-minnow-42";

type Cookies = Record<string, string>;
type Outcome = { result: ActionResult | null; redirectedTo: string | null };

let addressSequence = 0;

beforeAll(() => recordPeerAddresses());

beforeEach(async () => {
  vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
  await resetDatabase();
});

afterEach(() => vi.unstubAllEnvs());

async function signInCookies(user: TestUser): Promise<Cookies> {
  const record = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { id: true, email: true, name: true, role: true, sessionVersion: true } });
  return (await inRequest({}, () => startSession(record))).setCookies;
}

/** Posts a form to an action from a page in `locale`: its result, or where it redirected. */
async function post(action: (previous: ActionResult, form: FormData) => Promise<ActionResult>, cookies: Cookies, fields: Record<string, string>, locale: "en" | "cy" = "en"): Promise<Outcome> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  addressSequence += 1;
  const headers = { [PEER_ADDRESS_HEADER]: `10.40.0.${addressSequence % 250}`, [LOCALE_HEADER]: locale };
  const { value } = await inRequest({ cookies, headers }, async () => {
    try {
      return { result: await action({ status: "idle" }, form), redirectedTo: null };
    } catch (error) {
      const digest = (error as { digest?: unknown }).digest;
      if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return { result: null, redirectedTo: digest.split(";")[2] ?? "" };
      throw error;
    }
  });
  return value;
}

function fieldErrorsOf(outcome: Outcome) {
  if (outcome.result?.status !== "error") throw new Error(`not refused: ${JSON.stringify(outcome)}`);
  return outcome.result.fieldErrors;
}

async function passwordWorks(user: TestUser, password: string): Promise<boolean> {
  return (await signIn(user.email, password, "10.99.0.1")).ok;
}

describe("a new password that is easy to guess", () => {
  it("is refused when an admin creates a user, on the Password field, and no user is made", async () => {
    const admin = await createAdmin();
    const cookies = await signInCookies(admin);
    const before = await rowCounts();
    const fields = { name: "Sam Lead", email: "sam.lead@council.example", role: "STAFF" };
    expect(fieldErrorsOf(await post(createUserAction, cookies, { ...fields, password: COMMON }))).toEqual({ password: [COMMON_REFUSED] });
    // Their own name or email name in it is refused too, however it is written.
    expect(fieldErrorsOf(await post(createUserAction, cookies, { ...fields, password: "Sam-Lead-velvet-harbour" }))).toEqual({
      password: ["Password is too easy to guess: it contains the account holder's name or email address"],
    });
    expect(await rowCounts()).toEqual(before);

    const created = await post(createUserAction, cookies, { ...fields, password: STRONG });
    expect(created.redirectedTo).toMatch(/^\/admin\/users\/[0-9a-f-]{36}\?done=/);
  });

  it("is refused when an admin sets a user's password, on the New password field, and the old one still works", async () => {
    const admin = await createAdmin();
    const staff = await createStaff();
    const cookies = await signInCookies(admin);
    expect(fieldErrorsOf(await post(resetPasswordAction, cookies, { userId: staff.id, newPassword: COMMON }))).toEqual({ newPassword: [COMMON_REFUSED] });
    expect(await passwordWorks(staff, TEST_PASSWORD)).toBe(true);
    expect(await db.auditLog.count({ where: { action: "user.password-reset" } })).toBe(0);
  });

  it("is refused when a user changes their own, saying why in the page's language, and costs no sign-in attempt", async () => {
    const staff = await createStaff();
    const cookies = await signInCookies(staff);
    const change = { currentPassword: TEST_PASSWORD, newPassword: COMMON, confirmNewPassword: COMMON };
    expect(fieldErrorsOf(await post(changePasswordAction, cookies, change))).toEqual({ newPassword: [COMMON_REFUSED] });
    expect(fieldErrorsOf(await post(changePasswordAction, cookies, change, "cy"))).toEqual({
      newPassword: ["Mae'r cyfrinair yn rhy hawdd i'w ddyfalu: cyfrinair cyffredin ydyw, gydag ychydig o lythrennau neu rifau wedi'u hychwanegu neu eu newid"],
    });
    // Refused before the current password is checked: no failure counted, nothing written.
    expect(fieldErrorsOf(await post(changePasswordAction, cookies, { ...change, currentPassword: "not-my-password" }))).toEqual({ newPassword: [COMMON_REFUSED] });
    expect(await db.signInCounter.count({ where: { failures: { gt: 0 } } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: { startsWith: "account.password-change" } } })).toBe(0);
    expect(await passwordWorks(staff, TEST_PASSWORD)).toBe(true);

    const changed = await post(changePasswordAction, cookies, { currentPassword: TEST_PASSWORD, newPassword: STRONG, confirmNewPassword: STRONG });
    expect(changed.redirectedTo).toBe("/account?done=password-changed");
    expect(await passwordWorks(staff, STRONG)).toBe(true);
  });
});
