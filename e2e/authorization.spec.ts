// Every server action in the build, and every page without a dynamic segment, called over HTTP
// as each kind of visitor, against an expected matrix written out by hand below from DESIGN.md's
// roles (not derived from lib/domain/permissions.ts, which is what is being tested). An action in the
// build missing from the matrix, or from the policy table ACTION_ACCESS, fails the suite.
// Calls carry no valid input, so an allowed call ends in a validation message and changes nothing.
// lib/domain/policy-coverage.test.ts checks, from the sources, that each action and page checks its permission.
// The actions are called as users of each role made for the test (an action on one's own account,
// such as the email choices, then acts on theirs), so the matrix changes nothing other journeys see
// and runs beside them.
import fs from "node:fs";
import path from "node:path";
import { type APIRequestContext, type Browser, type Page, type PlaywrightWorkerArgs } from "@playwright/test";
import { ACTION_ACCESS } from "../lib/domain/permissions";
import { actionsInManifest, missingFromPolicy, type ManifestAction, type ServerReferenceManifest } from "../lib/domain/policy-coverage";
import { DEMO_PASSWORD, expect, signInAs, submitSignIn, test, uniqueEmail, uniqueName, type DemoAccount } from "./fixtures";
import { callServerAction, signInRequest } from "./server-actions";

type Role = "STAFF" | "COUNCILLOR" | "ADMIN";
const ROLES: readonly Role[] = ["STAFF", "COUNCILLOR", "ADMIN"];
type Allowed = Readonly<Record<Role, boolean>>;

// DESIGN.md: officers (STAFF) draft, edit and propose, log exchanges and events, import and
// export; councillors read what staff read and decide proposals; admins manage users, settings
// and the audit log, and do the officers' work too (DESIGN.md's routes: "edit: staff, admin").
const EVERYONE: Allowed = { STAFF: true, COUNCILLOR: true, ADMIN: true };
const OFFICERS: Allowed = { STAFF: true, COUNCILLOR: false, ADMIN: true };
const COUNCILLORS: Allowed = { STAFF: false, COUNCILLOR: true, ADMIN: false };
const ADMINS: Allowed = { STAFF: false, COUNCILLOR: false, ADMIN: true };

/** Who may call each protected server action. */
const EXPECTED_ACTIONS: Readonly<Record<string, Allowed>> = {
  "app/agreements/new/actions.ts#createAgreementAction": OFFICERS,
  "app/agreements/[id]/edit/actions.ts#updateAgreementAction": OFFICERS,
  "app/agreements/[id]/actions.ts#agreementCommandAction": OFFICERS,
  "app/agreements/[id]/actions.ts#saveTranslationAction": OFFICERS,
  "app/agreements/[id]/actions.ts#recordReviewAction": OFFICERS,
  "app/agreements/[id]/actions.ts#recordConfirmationAction": OFFICERS,
  "app/agreements/[id]/actions.ts#proposeAmendmentAction": OFFICERS,
  "app/agreements/[id]/correct/actions.ts#correctDetailsAction": OFFICERS,
  "app/agreements/[id]/contacts/actions.ts#saveContactAction": OFFICERS,
  "app/agreements/[id]/contacts/actions.ts#removeContactAction": OFFICERS,
  "app/agreements/[id]/contacts/actions.ts#requestPartnerConfirmationAction": OFFICERS,
  "app/agreements/[id]/contacts/actions.ts#acceptPartnerAnswerAction": OFFICERS,
  "app/agreements/[id]/contacts/actions.ts#withdrawPartnerConfirmationAction": OFFICERS,
  "app/agreements/[id]/partner-feed/actions.ts#confirmFeedMatchAction": OFFICERS,
  "app/agreements/[id]/partner-feed/actions.ts#checkFeedNowAction": OFFICERS,
  "app/agreements/[id]/documents/actions.ts#removeDocumentAction": OFFICERS,
  "app/approvals/actions.ts#voteAction": COUNCILLORS,
  // Any signed-in reader reaches it; the operation asks the policy table whether they may record this proposal's decision.
  "app/agreements/[id]/actions.ts#recordDecisionAction": EVERYONE,
  // Call-in (docs/decisions/023-call-in.md): scrutiny members are councillors (mayCallIn decides which); an
  // admin or a scrutiny member records scrutiny's outcome; the decision-maker (any reader, asked per decision) answers a referral.
  "app/agreements/[id]/call-in/actions.ts#callInAction": COUNCILLORS,
  "app/agreements/[id]/call-in/actions.ts#scrutinyOutcomeAction": { STAFF: false, COUNCILLOR: true, ADMIN: true },
  "app/agreements/[id]/call-in/actions.ts#answerReferralAction": EVERYONE,
  "app/exchanges/new/actions.ts#createExchangeAction": OFFICERS,
  "app/exchanges/[id]/edit/actions.ts#updateExchangeAction": OFFICERS,
  "app/exchanges/[id]/edit/actions.ts#deleteExchangeAction": OFFICERS,
  "app/events/new/actions.ts#createEventAction": OFFICERS,
  "app/events/[id]/edit/actions.ts#updateEventAction": OFFICERS,
  "app/events/[id]/edit/actions.ts#cancelEventAction": OFFICERS,
  "app/events/[id]/edit/actions.ts#deleteEventAction": OFFICERS,
  // DESIGN.md: "/annual-report/[year] once published" — the office lead publishes the year's report.
  "app/reports/[year]/actions.ts#publishReportAction": ADMINS,
  "app/reports/[year]/actions.ts#withdrawReportAction": ADMINS,
  "app/admin/users/actions.ts#createUserAction": ADMINS,
  "app/admin/users/actions.ts#changeRoleAction": ADMINS,
  "app/admin/users/actions.ts#setActiveAction": ADMINS,
  "app/admin/users/actions.ts#resetPasswordAction": ADMINS,
  "app/admin/users/actions.ts#unlockSignInAction": ADMINS,
  "app/admin/users/actions.ts#setUserLanguageAction": ADMINS,
  "app/admin/users/actions.ts#resetTwoStepAction": ADMINS,
  "app/admin/users/actions.ts#removeSsoLinkAction": ADMINS,
  "app/admin/users/actions.ts#eraseUserAction": ADMINS,
  "app/admin/people/actions.ts#erasePersonAction": ADMINS,
  "app/admin/settings/actions.ts#updateSettingsAction": ADMINS,
  "app/admin/settings/actions.ts#updateStatementsAction": ADMINS,
  "app/admin/settings/bank-holidays/actions.ts#addBankHolidayAction": ADMINS,
  "app/admin/settings/bank-holidays/actions.ts#removeBankHolidayAction": ADMINS,
  "app/admin/users/scrutiny/actions.ts#setScrutinyMemberAction": ADMINS,
  "app/account/actions.ts#updatePreferencesAction": EVERYONE,
  "app/account/actions.ts#changePasswordAction": EVERYONE,
  "app/account/actions.ts#updateLanguageAction": EVERYONE,
  "app/account/actions.ts#startTwoStepAction": EVERYONE,
  "app/account/actions.ts#cancelTwoStepSetupAction": EVERYONE,
  "app/account/actions.ts#confirmTwoStepAction": EVERYONE,
  "app/account/actions.ts#renewRecoveryCodesAction": EVERYONE,
  "app/account/actions.ts#turnOffTwoStepAction": EVERYONE,
};

/** Actions anyone may call: signing in and out, and resetting a forgotten password. */
const EXPECTED_PUBLIC_ACTIONS = [
  "app/actions.ts#signOut",
  "app/login/actions.ts#signInAction",
  "app/login/actions.ts#ssoSignInAction",
  "app/login/actions.ts#twoStepSignInAction",
  "app/login/actions.ts#cancelTwoStepSignInAction",
  "app/password-reset/actions.ts#requestPasswordResetAction",
  "app/password-reset/actions.ts#resetPasswordAction",
  // The partner council's answer through its single-use link (no account).
  "app/confirm/[token]/actions.ts#answerConfirmationAction",
];

/** Who may open each signed-in page without a dynamic segment (anonymous visitors are sent to /login). */
const EXPECTED_PAGES: Readonly<Record<string, Allowed>> = {
  "/dashboard": EVERYONE,
  "/agreements": EVERYONE,
  "/agreements/new": OFFICERS,
  "/approvals": COUNCILLORS,
  "/exchanges": EVERYONE,
  "/exchanges/new": OFFICERS,
  "/events": EVERYONE,
  "/events/new": OFFICERS,
  "/import": OFFICERS,
  "/account": EVERYONE,
  "/admin/users": ADMINS,
  "/admin/people": ADMINS,
  "/admin/audit": ADMINS,
  "/admin/settings": ADMINS,
  "/admin/outbox": ADMINS,
};

type Action = ManifestAction;

/** The build the e2e server runs (scripts/e2e-server.ts builds into .next-e2e). */
function buildFolder(): string {
  return process.env.NEXT_DIST_DIR || ".next-e2e";
}

function loadActions(): Action[] {
  return actionsInManifest(JSON.parse(fs.readFileSync(path.join(buildFolder(), "server", "server-reference-manifest.json"), "utf8")) as ServerReferenceManifest);
}

const ACTIONS = loadActions();
const PROTECTED = ACTIONS.filter((action) => !EXPECTED_PUBLIC_ACTIONS.includes(action.key));

type CallResult = { status: number; result: { status?: string; formError?: string; fieldErrors?: Record<string, string[]> } | null; body: string };

async function callAction(request: APIRequestContext, action: Action, input: unknown, origin?: string): Promise<CallResult> {
  const baseURL = test.info().project.use.baseURL!;
  const response = await request.post(action.page, {
    headers: { "Next-Action": action.id, Origin: origin ?? baseURL, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    data: JSON.stringify([{ status: "idle" }, input]),
    maxRedirects: 0,
  });
  const body = await response.text();
  const line = body.split("\n").find((text) => text.startsWith("1:"));
  let result = null;
  try {
    result = line ? JSON.parse(line.slice(2)) : null;
  } catch {
    result = null;
  }
  return { status: response.status(), result, body };
}

const REFUSED_SIGNED_OUT = "Please sign in to continue.";
const REFUSED_FORBIDDEN = "You do not have permission to do that.";

function expectRefused(call: CallResult, message: string, label: string) {
  expect(call.status, `${label}: HTTP status`).toBeLessThan(500);
  expect(call.body, `${label}: refused`).toContain(message);
}

function expectAllowed(call: CallResult, label: string) {
  expect(call.status, `${label}: HTTP status`).toBeLessThan(500);
  expect(call.body, `${label}: not refused`).not.toContain(REFUSED_FORBIDDEN);
  expect(call.body, `${label}: not refused`).not.toContain(REFUSED_SIGNED_OUT);
}

async function pageAs(browser: Browser, account: DemoAccount): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, account);
  return page;
}

/**
 * Runs `work` as a user of `role` of the test's own, made by the demo admin and signed in on a
 * request context (no browser page: the matrix only calls actions). Called with nothing filled in,
 * an action on one's own account (email choices, language, starting a two-step set-up) acts on
 * theirs, never on a demo account's. The user is deactivated afterwards: another active admin
 * would make "the last active admin" (administration.spec.ts) not the last.
 */
async function asUserOfItsOwn(browser: Browser, playwright: PlaywrightWorkerArgs["playwright"], role: Role, work: (request: APIRequestContext) => Promise<void>): Promise<void> {
  const admin = await pageAs(browser, "ADMIN");
  const createUser = ACTIONS.find((action) => action.key.endsWith("#createUserAction"))!;
  const setActive = ACTIONS.find((action) => action.key.endsWith("#setActiveAction"))!;
  const email = uniqueEmail(`matrix-${role.toLowerCase()}`);
  const created = await callServerAction(admin.request, createUser, { name: uniqueName(`Matrix ${role}`), email, role, password: DEMO_PASSWORD });
  const userId = /^\/admin\/users\/([0-9a-f-]{36})\?done=created$/.exec(created.redirect ?? "")?.[1];
  expect(userId, `the ${role} user is made: ${JSON.stringify(created.result)}`).toBeDefined();
  const request = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  try {
    await signInRequest(request, email, DEMO_PASSWORD);
    await work(request);
  } finally {
    await request.dispose();
    const deactivated = await callServerAction(admin.request, setActive, { userId, active: "false" });
    expect(deactivated.redirect, `the ${role} user is deactivated: ${JSON.stringify(deactivated.result)}`).toMatch(/^\/admin\/users\//);
    await admin.context().close();
  }
}

test("the build has server actions, and every one is in the expected matrix and the policy table", () => {
  expect(PROTECTED.length).toBeGreaterThanOrEqual(10);
  expect(PROTECTED.map((action) => action.key).sort(), "protected server actions: write each one's row in EXPECTED_ACTIONS").toEqual(Object.keys(EXPECTED_ACTIONS).sort());
  const missing = missingFromPolicy(ACTIONS.map((action) => action.key), ACTION_ACCESS);
  expect(missing, "server actions with no entry in ACTION_ACCESS (lib/domain/permissions.ts)").toEqual([]);
});

test("anonymous callers are refused by every protected action", async ({ request }) => {
  for (const action of PROTECTED) expectRefused(await callAction(request, action, {}), REFUSED_SIGNED_OUT, `anonymous → ${action.key}`);
});

for (const account of ROLES) {
  test(`${account}: each action is allowed or refused as the expected matrix says`, async ({ browser, playwright }) => {
    test.setTimeout(180_000);
    await asUserOfItsOwn(browser, playwright, account, async (request) => {
      for (const action of PROTECTED) {
        const call = await callAction(request, action, {});
        if (EXPECTED_ACTIONS[action.key]![account]) expectAllowed(call, `${account} → ${action.key}`);
        else expectRefused(call, REFUSED_FORBIDDEN, `${account} → ${action.key}`);
      }
    });
  });

  test(`${account}: each signed-in page opens (200) or is forbidden (403) as the expected matrix says`, async ({ browser }) => {
    const page = await pageAs(browser, account);
    for (const [route, allowed] of Object.entries(EXPECTED_PAGES)) {
      const response = await page.request.get(route, { maxRedirects: 0 });
      expect.soft(response.status(), `${account} → ${route}`).toBe(allowed[account] ? 200 : 403);
    }
  });
}

test("anonymous visitors are sent to /login by every signed-in page", async ({ request }) => {
  for (const route of Object.keys(EXPECTED_PAGES)) {
    const response = await request.get(route);
    const landed = new URL(response.url());
    expect.soft(`${landed.pathname} ${landed.searchParams.get("callbackUrl")}`, `anonymous → ${route}`).toBe(`/login ${route}`);
  }
});

test("a deactivated user's session is refused by every action at the next request", async ({ browser }) => {
  test.setTimeout(180_000);
  const admin = await pageAs(browser, "ADMIN");
  const createUser = ACTIONS.find((action) => action.key.endsWith("#createUserAction"))!;
  const setActive = ACTIONS.find((action) => action.key.endsWith("#setActiveAction"))!;
  const email = uniqueEmail("leaver");
  const password = "a-long-enough-password-2026";
  const created = await callAction(admin.request, createUser, { name: "Lee Leaver", email, role: "STAFF", password });
  expect(created.status).toBeLessThan(400);

  const leaver = await (await browser.newContext()).newPage();
  await submitSignIn(leaver, email, password);
  await expect(leaver.getByRole("button", { name: "Sign out" })).toBeVisible();
  const draft = ACTIONS.find((action) => action.key.endsWith("#createAgreementAction"))!;
  expectAllowed(await callAction(leaver.request, draft, {}), "active staff → createAgreementAction");

  await admin.goto("/admin/users");
  const userHref = await admin.getByRole("link", { name: "Lee Leaver" }).first().getAttribute("href");
  const userId = userHref!.split("/").pop()!;
  await callAction(admin.request, setActive, { userId, active: "false" });

  for (const action of PROTECTED) expectRefused(await callAction(leaver.request, action, {}), REFUSED_SIGNED_OUT, `deactivated → ${action.key}`);
  const response = await leaver.goto("/dashboard");
  expect(new URL(leaver.url()).pathname).toBe("/login");
  expect(response?.status()).toBeLessThan(400);
});

test("forged ids: a missing id, another record's id and a malformed id are refused cleanly", async ({ browser }) => {
  test.setTimeout(180_000);
  const staff = await pageAs(browser, "STAFF");
  const councillor = await pageAs(browser, "COUNCILLOR");
  const admin = await pageAs(browser, "ADMIN");
  const command = ACTIONS.find((action) => action.key.endsWith("#agreementCommandAction"))!;
  const vote = ACTIONS.find((action) => action.key.endsWith("#voteAction"))!;
  const changeRole = ACTIONS.find((action) => action.key.endsWith("#changeRoleAction"))!;
  const edit = ACTIONS.find((action) => action.key.endsWith("#updateAgreementAction"))!;
  const missing = "00000000-0000-4000-8000-000000000000";

  // An id that exists but names another kind of record (a user's id as an agreement's).
  await admin.goto("/admin/users");
  const someUserId = (await admin.getByRole("link", { name: "Olivia Okafor" }).first().getAttribute("href"))!.split("/").pop()!;

  for (const agreementId of [missing, someUserId]) {
    const call = await callAction(staff.request, command, { agreementId, version: "1", command: "submit", reason: "Because." });
    expect(call.status).toBeLessThan(500);
    expect(call.result?.formError).toBe("That agreement does not exist.");
  }
  const malformed = await callAction(staff.request, command, { agreementId: "1 OR 1=1", version: "1", command: "submit", reason: "x" });
  expect(malformed.status).toBeLessThan(500);
  expect(malformed.result?.fieldErrors?.agreementId?.[0]).toBe("The agreement was not found");

  const wrongType = await callAction(staff.request, command, { agreementId: 42, version: "one", command: ["submit"] });
  expect(wrongType.status).toBeLessThan(500);
  expect(wrongType.result?.status).toBe("error");

  const editMissing = await callAction(staff.request, edit, { id: missing, version: "1", partnerName: "X", country: "DE", localityKind: "TOWN", relationshipType: "TWIN_TOWN" });
  expect(editMissing.result?.formError).toBe("That agreement does not exist.");

  for (const proposalId of [missing, someUserId]) {
    const call = await callAction(councillor.request, vote, { proposalId, decision: "approve" });
    expect(call.status).toBeLessThan(500);
    expect(call.result?.formError).toBe("That proposal does not exist.");
  }
  const noUser = await callAction(admin.request, changeRole, { userId: missing, role: "ADMIN" });
  expect(noUser.result?.formError).toBe("That user does not exist.");
});

test("dynamic pages answer 404 for a missing or malformed id, never 500", async ({ browser, browserProblems }) => {
  browserProblems.allow(/^response 404 GET |status of 404 \(Not Found\)/);
  const admin = await pageAs(browser, "ADMIN");
  for (const url of [
    "/agreements/00000000-0000-4000-8000-000000000000",
    "/agreements/not-an-id",
    "/agreements/00000000-0000-4000-8000-000000000000/edit",
    "/admin/users/00000000-0000-4000-8000-000000000000",
    "/admin/users/%3Cscript%3E",
    "/partners/no-such-partner",
  ]) {
    const response = await admin.goto(url);
    expect(response?.status(), url).toBe(404);
  }
});

test("a server action posted from another site is refused", async ({ browser }) => {
  const staff = await pageAs(browser, "STAFF");
  const draft = ACTIONS.find((action) => action.key.endsWith("#createAgreementAction"))!;
  const call = await callAction(staff.request, draft, { partnerName: "Forged", country: "DE", localityKind: "TOWN", relationshipType: "TWIN_TOWN" }, "https://evil.example");
  expect(call.status).toBe(403);
});
