// The user's own language (issue 19), on both databases, through the server actions as a form
// posts them: choosing it on /account (saved, audited, refused when not English or Welsh, landing
// on /account in the language chosen), an admin setting it, signing in landing in it, and the
// emails a user receives written in it.
// First: it installs the AsyncLocalStorage global that Next's modules expect when they load.
import { inRequest } from "../helpers/request-context";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
vi.mock("next/cache", async () => (await import("../helpers/request-context")).nextCacheMock);
import { changePasswordAction, updateLanguageAction } from "@/app/account/actions";
import { setUserLanguageAction } from "@/app/admin/users/actions";
import { agreementCommandAction } from "@/app/agreements/[id]/actions";
import { signInAction } from "@/app/login/actions";
import { startSession } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { LOCALE_HEADER } from "@/lib/i18n/request-header";
import { applyCommand } from "@/lib/agreements/apply-command";
import { createDraft } from "@/lib/agreements/create-draft";
import { commandSchema } from "@/lib/domain/validation/agreement";
import type { ActionResult } from "@/lib/web/action-result";
import { PEER_ADDRESS_HEADER, recordPeerAddresses } from "@/lib/web/request-context";
import { EMAIL_RULE } from "@/lib/domain/sign-in-lock";
import { createAdmin, createAgreement, createCouncillor, createStaff, draftInput, resetDatabase, TEST_PASSWORD, type TestUser } from "../helpers/database";

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

/** Posts a form to an action from a page in `locale` (the header proxy.ts sets): its result, or where it redirected. */
async function post(
  action: (previous: ActionResult, form: FormData) => Promise<ActionResult>,
  cookies: Cookies,
  fields: Record<string, string>,
  locale: "en" | "cy" = "en",
): Promise<Outcome> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  addressSequence += 1;
  const headers = { [PEER_ADDRESS_HEADER]: `10.30.0.${addressSequence % 250}`, [LOCALE_HEADER]: locale };
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

async function languageOf(user: TestUser) {
  return (await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { language: true } })).language;
}

describe("choosing one's language on /account", () => {
  it("is English until chosen; choosing Welsh saves it, audits it and lands on /cy/account with its confirmation", async () => {
    const staff = await createStaff();
    expect(await languageOf(staff)).toBe("en");
    const outcome = await post(updateLanguageAction, await signInCookies(staff), { language: "cy" });
    expect(outcome.redirectedTo).toBe("/cy/account?done=language");
    expect(await languageOf(staff)).toBe("cy");
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "account.language" } });
    expect(audit).toMatchObject({ actorId: staff.id, entityType: "User", entityId: staff.id, details: { from: "en", to: "cy" } });
  });

  it("choosing English from a Welsh page lands on the English /account", async () => {
    const staff = await createStaff();
    await db.user.update({ where: { id: staff.id }, data: { language: "cy" } });
    const outcome = await post(updateLanguageAction, await signInCookies(staff), { language: "en" }, "cy");
    expect(outcome.redirectedTo).toBe("/account?done=language");
    expect(await languageOf(staff)).toBe("en");
  });

  it("refuses a language the staff pages are not offered in, and saves nothing", async () => {
    const staff = await createStaff();
    const cookies = await signInCookies(staff);
    for (const language of ["de", "", "CY", "cymraeg"]) {
      const outcome = await post(updateLanguageAction, cookies, { language });
      expect(outcome.result).toMatchObject({ status: "error", fieldErrors: { language: ["Choose English or Cymraeg"] } });
    }
    expect(await languageOf(staff)).toBe("en");
    expect(await db.auditLog.count({ where: { action: "account.language" } })).toBe(0);
  });

  it("needs a signed-in user", async () => {
    const outcome = await post(updateLanguageAction, {}, { language: "cy" });
    expect(outcome.result?.status).toBe("error");
  });

  it("an admin sets a user's language on /admin/users/<id> (audited); a non-admin may not", async () => {
    const [admin, staff] = await Promise.all([createAdmin(), createStaff()]);
    const outcome = await post(setUserLanguageAction, await signInCookies(admin), { userId: staff.id, language: "cy" });
    expect(outcome.redirectedTo).toBe(`/admin/users/${staff.id}?done=language`);
    expect(await languageOf(staff)).toBe("cy");
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "user.language" } })).toMatchObject({ actorId: admin.id, entityId: staff.id, details: { from: "en", to: "cy" } });

    const refused = await post(setUserLanguageAction, await signInCookies(staff), { userId: admin.id, language: "cy" });
    expect(refused.result?.status).toBe("error");
    expect(await languageOf(admin)).toBe("en");
  });
});

describe("signing in lands in the user's language", () => {
  async function landing(user: TestUser, callbackUrl: string | undefined, locale: "en" | "cy" = "en"): Promise<string | null> {
    const fields: Record<string, string> = { email: user.email, password: TEST_PASSWORD };
    if (callbackUrl !== undefined) fields.callbackUrl = callbackUrl;
    return (await post(signInAction, {}, fields, locale)).redirectedTo;
  }

  it("a Welsh speaker returns to the /cy address of a return path that names no language", async () => {
    const staff = await createStaff();
    await db.user.update({ where: { id: staff.id }, data: { language: "cy" } });
    expect(await landing(staff, "/agreements?status=ACTIVE")).toBe("/cy/agreements?status=ACTIVE");
    expect(await landing(staff, undefined)).toBe("/cy/dashboard");
    expect(await landing(staff, "/")).toBe("/cy");
  });

  it("a return path that names a language keeps it", async () => {
    const staff = await createStaff();
    await db.user.update({ where: { id: staff.id }, data: { language: "cy" } });
    expect(await landing(staff, "/cy/events")).toBe("/cy/events");
  });

  it("an English speaker lands where asked, in the language of the sign-in page", async () => {
    const staff = await createStaff();
    expect(await landing(staff, "/agreements")).toBe("/agreements");
    expect(await landing(staff, "/agreements", "cy")).toBe("/cy/agreements");
  });
});

describe("an operation's refusal on a Welsh page", () => {
  function formError(outcome: Outcome): string | undefined {
    return outcome.result?.status === "error" ? outcome.result.formError : undefined;
  }

  it("a command the lifecycle refuses names the command and the status in Welsh; in English on an English page", async () => {
    const staff = await createStaff();
    const agreement = await createAgreement({ status: "SUSPENDED", createdBy: staff });
    const cookies = await signInCookies(staff);
    const fields = { agreementId: agreement.id, version: String(agreement.version), command: "proposeSuspension", reason: "Twice", publicReason: "Twice" };
    expect(formError(await post(agreementCommandAction, cookies, fields, "cy"))).toBe("Nid yw “Cynnig atal” yn bosibl tra bo'r cytundeb wedi'i atal.");
    expect(formError(await post(agreementCommandAction, cookies, fields))).toBe("“Propose suspension” is not possible while the agreement is suspended.");
  });

  it("a wrong password, then the sign-in lock with its time, in Welsh on /cy/login", async () => {
    const staff = await createStaff();
    const wrong = { email: staff.email, password: "not the password" };
    expect(formError(await post(signInAction, {}, wrong, "cy"))).toBe("E-bost neu gyfrinair anghywir");
    for (let attempt = 1; attempt < EMAIL_RULE.limit; attempt += 1) await post(signInAction, {}, wrong, "cy");
    // Locked now: the time it ends as Welsh writes it (GMT+1 in summer, not BST).
    const locked = formError(await post(signInAction, {}, { email: staff.email, password: TEST_PASSWORD }, "cy"));
    expect(locked).toMatch(/^Gormod o ymdrechion aflwyddiannus i fewngofnodi\. Er eich diogelwch, mae mewngofnodi wedi'i gloi tan \d{2}:\d{2} GMT(\+1)?; rhowch gynnig arall arni bryd hynny\.$/);
  });
});

describe("emails in the recipient's language", () => {
  it("the password-changed notice to a Welsh speaker is in Welsh, with <html lang> and links to the /cy/ pages", async () => {
    const staff = await createStaff();
    await db.user.update({ where: { id: staff.id }, data: { language: "cy" } });
    const outcome = await post(changePasswordAction, await signInCookies(staff), { currentPassword: TEST_PASSWORD, newPassword: "a-brand-new-passphrase-2026", confirmNewPassword: "a-brand-new-passphrase-2026" });
    expect(outcome.redirectedTo).toBe("/account?done=password-changed");
    const email = await db.outboxMessage.findFirstOrThrow({ where: { recipientId: staff.id } });
    expect(email.subject).toBe("Mae eich cyfrinair Swyddfa Gefeillio wedi'i newid");
    expect(email.htmlBody).toContain('<html lang="cy-GB">');
    expect(email.textBody).toMatch(/^Annwyl /);
    expect(email.textBody).toContain("/cy/account");
  });

  it("a new proposal reaches each councillor in their own language", async () => {
    const [staff, welsh, english] = await Promise.all([createStaff(), createCouncillor({ name: "Cllr Cymraeg" }), createCouncillor({ name: "Cllr English" })]);
    await db.user.update({ where: { id: welsh.id }, data: { language: "cy" } });
    const { id } = await createDraft(draftInput({ title: "Kiel link" }), staff);
    // Submitting queues the new proposal's emails (enqueueProposalCreated) in the same transaction.
    await applyCommand(commandSchema.parse({ agreementId: id, version: 1, command: "submit", reason: "Schools want to exchange pupils" }), staff);
    const messages = await db.outboxMessage.findMany({ where: { kind: "PROPOSAL_NEW" }, select: { recipientId: true, subject: true, htmlBody: true, textBody: true } });
    const toWelsh = messages.find((message) => message.recipientId === welsh.id)!;
    const toEnglish = messages.find((message) => message.recipientId === english.id)!;
    expect(toWelsh.subject).toBe("Angen penderfyniad: cymeradwyo'r cytundeb – Kiel link");
    expect(toWelsh.htmlBody).toContain('<html lang="cy-GB">');
    expect(toWelsh.textBody).toContain("/cy/approvals");
    expect(toEnglish.subject).toMatch(/^Decision needed: .+ – Kiel link$/);
    expect(toWelsh.textBody).toContain("Cynnig: Cymeradwyo'r cytundeb");
    expect(toEnglish.htmlBody).toContain('<html lang="en-GB">');
    expect(toEnglish.textBody).not.toContain("/cy/");
  });
});
