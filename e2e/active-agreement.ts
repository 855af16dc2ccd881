// An Active agreement of a journey's own, made as the office makes one: drafted and submitted by
// the officer, approved by the councillors (one or two, as the council's quorum asks). The pages'
// own walk through those steps is agreement-lifecycle.spec.ts's journey; journeys that only need
// an Active link start from here, through the same server actions the forms post (a second each,
// where the pages took several).
import type { APIRequestContext, Browser, BrowserContext, Page } from "@playwright/test";
import { signInAs, signInContext, type DemoAccount } from "./fixtures";
import { callServerAction, loadServerActions, serverAction, type ActionCall } from "./server-actions";

/** A page of a fresh browser context, signed in as `account`. */
export async function signedIn(browser: Browser, account: DemoAccount, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const page = await (await browser.newContext(options)).newPage();
  await signInAs(page, account);
  return page;
}

function accepted(call: ActionCall, step: string, success: RegExp): string {
  if (call.status >= 400 || !call.redirect || !success.test(call.redirect)) throw new Error(`${step} was not accepted (HTTP ${call.status}): ${JSON.stringify(call.result) ?? call.body.slice(0, 300)}`);
  return call.redirect;
}

/** A fresh browser context signed in as `account` for server actions only: no page is opened when its saved session still works. */
async function actionsAs(browser: Browser, account: DemoAccount): Promise<BrowserContext> {
  const context = await browser.newContext();
  await signInContext(context, account);
  return context;
}

/** The id of the open proposal on `partner` from the councillor's /approvals (its card's "Approve" step names it). */
async function openProposalId(councillor: APIRequestContext, partner: string): Promise<string> {
  const html = await (await councillor.get("/approvals")).text();
  const card = html.split("<section").find((section) => section.includes(partner));
  const id = card && /name="confirm" value="([0-9a-f-]{36})"/.exec(card)?.[1];
  if (!id) throw new Error(`No open proposal on ${partner} on /approvals`);
  return id;
}

/**
 * Drafts a link with `partner` (a town in Germany) and submits it for approval as the officer signed
 * in on `officer` (a page or a context); returns the agreement page's path.
 */
export async function submitForApproval(
  officer: Pick<Page, "request">,
  partner: string,
  { purpose = "Schools and choirs visit each other.", reason = "Both towns asked for the link.", fields = {} as Record<string, string> } = {},
): Promise<string> {
  const actions = loadServerActions();
  const created = await callServerAction(officer.request, serverAction(actions, "app/agreements/new/actions.ts#createAgreementAction"), {
    partnerName: partner,
    country: "DE",
    localityKind: "TOWN",
    relationshipType: "TWIN_TOWN",
    purpose,
    themes: [],
    ...fields,
  });
  const path = accepted(created, "Saving the draft", /^\/agreements\/[0-9a-f-]{36}\?done=saved$/).split("?")[0]!;
  const submit = serverAction(actions, "app/agreements/[id]/actions.ts#agreementCommandAction");
  accepted(await callServerAction(officer.request, submit, { agreementId: path.split("/")[2], version: "1", command: "submit", reason }, { page: path }), "Submitting", /\?done=submit$/);
  return path;
}

/** Drafts, submits and approves a link with `partner` (a town in Germany); returns the agreement page's path. */
export async function activeAgreement(browser: Browser, partner: string, fields: Record<string, string> = {}): Promise<string> {
  const officer = await actionsAs(browser, "STAFF");
  const path = await submitForApproval(officer, partner, { fields });
  await officer.close();

  // Two councillors: the council may need two approvals.
  const vote = serverAction(loadServerActions(), "app/approvals/actions.ts#voteAction");
  for (const account of ["COUNCILLOR", "COUNCILLOR2"] as const) {
    const councillor = await actionsAs(browser, account);
    const proposalId = await openProposalId(councillor.request, partner);
    const decided = accepted(await callServerAction(councillor.request, vote, { proposalId, decision: "approve", reason: "" }), "Approving", /^\/approvals\?done=(open|approved)$/);
    await councillor.close();
    if (decided.endsWith("approved")) return path;
  }
  throw new Error(`${partner} was not approved`);
}
