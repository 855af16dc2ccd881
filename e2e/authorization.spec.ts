// Every server action in the build, called over HTTP as each kind of visitor, against the policy
// table ACTION_ACCESS in lib/permissions.ts: an action missing from the table fails the suite.
// Calls carry no valid input, so an allowed call ends in a validation message and changes nothing.
// lib/policy-coverage.test.ts shows that an action missing from the table is reported.
import fs from "node:fs";
import path from "node:path";
import { type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { ACTION_ACCESS, can, type Permission } from "../lib/permissions";
import { actionsInManifest, missingFromPolicy, type ManifestAction, type ServerReferenceManifest } from "../lib/policy-coverage";
import { expect, signInAs, submitSignIn, test, uniqueEmail, type DemoAccount } from "./fixtures";

type Action = ManifestAction;

/** The build the e2e server runs (scripts/e2e-server.ts builds into .next-e2e). */
function buildFolder(): string {
  return process.env.NEXT_DIST_DIR || ".next-e2e";
}

function loadActions(): Action[] {
  return actionsInManifest(JSON.parse(fs.readFileSync(path.join(buildFolder(), "server", "server-reference-manifest.json"), "utf8")) as ServerReferenceManifest);
}

const ACTIONS = loadActions();
const PROTECTED = ACTIONS.filter((action) => ACTION_ACCESS[action.key] !== "public");

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

test("the build has server actions, and every one is in the policy table", () => {
  expect(PROTECTED.length).toBeGreaterThanOrEqual(10);
  const missing = missingFromPolicy(ACTIONS.map((action) => action.key), ACTION_ACCESS);
  expect(missing, "server actions with no entry in ACTION_ACCESS (lib/permissions.ts)").toEqual([]);
});

test("anonymous callers are refused by every protected action", async ({ request }) => {
  for (const action of PROTECTED) expectRefused(await callAction(request, action, {}), REFUSED_SIGNED_OUT, `anonymous → ${action.key}`);
});

for (const account of ["STAFF", "COUNCILLOR", "ADMIN"] as const) {
  test(`${account}: each action is allowed or refused as the policy says`, async ({ browser }) => {
    test.setTimeout(180_000);
    const page = await pageAs(browser, account);
    for (const action of PROTECTED) {
      const permission = ACTION_ACCESS[action.key] as Permission;
      const call = await callAction(page.request, action, {});
      if (can({ role: account }, permission)) expectAllowed(call, `${account} → ${action.key}`);
      else expectRefused(call, REFUSED_FORBIDDEN, `${account} → ${action.key}`);
    }
  });
}

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
