// Contacts and the partner's own answer (issue 23 items 1 and 3), one journey: on an Active
// agreement of its own, an officer adds a contact and requests confirmation from the partner; the
// link is read from the outbox (no SMTP here: /admin/outbox shows the waiting email); the partner's
// officer, in a fresh browser without an account or JavaScript, opens it (no Referer, never cached;
// the German address too), gives "Your reference" and confirms; the used link then says so (410
// Gone), and a link never sent says it does not work (404), both in full without JavaScript;
// the officer accepts the confirmation, and the public partner page says "Confirmed by both councils".
import { activeAgreement, signedIn } from "./active-agreement";
import { axeViolations } from "./axe";
import { expect, test, uniqueEmail, uniquePartnerName } from "./fixtures";

test("an officer adds a contact and requests confirmation; the partner confirms through the emailed link; staff accept it", async ({ browser, browserProblems }) => {
  // One journey through four browsers (officer, admin, partner, resident): longer than one page's test.
  test.setTimeout(180_000);
  const partner = uniquePartnerName();
  const email = uniqueEmail("partner-officer");
  const path = await activeAgreement(browser, partner);

  const officer = await signedIn(browser, "STAFF");
  await officer.goto(path);
  const contacts = officer.getByRole("region", { name: "Contacts" });
  await contacts.getByRole("link", { name: "Add a contact" }).click();
  const form = officer.getByRole("form", { name: "Add a contact" });
  await form.getByLabel("Name", { exact: true }).fill("Ingrid Petersen");
  await form.getByLabel("Organisation").fill("Landeshauptstadt Kiel");
  await form.getByLabel("Role").fill("Partnerschaftsbüro");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Phone").fill("+49 431 901-0");
  await form.getByLabel("Preferred language").selectOption("en");
  await form.getByRole("button", { name: "Save contact" }).click();
  await expect(officer.getByText("The contact has been added.")).toBeVisible();
  await expect(contacts.getByText(email)).toBeVisible();

  await contacts.getByRole("link", { name: "Request confirmation from partner" }).click();
  const request = officer.getByRole("form", { name: "Request confirmation from partner" });
  await expect(request.getByRole("radio", { name: new RegExp(email) })).toBeChecked();
  expect(await axeViolations(officer)).toEqual([]);
  await request.getByRole("button", { name: "Send request" }).click();
  await expect(officer.getByText("The confirmation request has been sent.")).toBeVisible();
  await expect(contacts.getByText("No answer yet.")).toBeVisible();

  // The email waits in the outbox; the admin's page shows it with its link.
  const admin = await signedIn(browser, "ADMIN");
  await admin.goto("/admin/outbox");
  const row = admin.getByRole("table", { name: "Outbox messages, newest first" }).getByRole("row").filter({ hasText: email });
  await row.getByText(`Please confirm the partnership`).click();
  const link = /https?:\/\/\S+(\/confirm\/[A-Za-z0-9_-]{43})/.exec(await row.locator("pre").innerText())?.[1];
  expect(link).toBeTruthy();
  // axe runs scripts in the page: checked here, with JavaScript (opening the link uses nothing up).
  await admin.goto(link!);
  await expect(admin.getByRole("heading", { level: 1, name: "Confirm the partnership" })).toBeVisible();
  expect(await axeViolations(admin)).toEqual([]);
  await admin.context().close();

  // The partner's officer: no account, no JavaScript. Opening the link uses nothing up.
  const partnerContext = await browser.newContext({ javaScriptEnabled: false });
  const answering = await partnerContext.newPage();
  const opened = await answering.goto(`/de${link!}`);
  expect(opened!.headers()["referrer-policy"]).toBe("no-referrer");
  expect(opened!.headers()["cache-control"]).toContain("no-store");
  await expect(answering.getByRole("heading", { level: 1, name: "Die Partnerschaft bestätigen" })).toBeVisible();
  await answering.goto(link!);
  await expect(answering.getByRole("heading", { level: 1, name: "Confirm the partnership" })).toBeVisible();
  await expect(answering.getByText(partner).first()).toBeVisible();
  await answering.getByLabel("Your reference").fill("Ratsversammlung 2026/31");
  await answering.getByRole("button", { name: "Confirm the partnership" }).click();
  await expect(answering.getByRole("heading", { level: 1, name: "Thank you: your answer has been recorded" })).toBeVisible();
  browserProblems.allowResponse(410, link!);
  expect((await answering.goto(link!))!.status()).toBe(410);
  await expect(answering.getByRole("heading", { level: 1, name: "This link has already been used" })).toBeVisible();
  const forged = `/confirm/${"A".repeat(43)}`;
  browserProblems.allowResponse(404, forged);
  expect((await answering.goto(forged))!.status()).toBe(404);
  await expect(answering.getByRole("heading", { level: 1, name: "This link does not work" })).toBeVisible();
  await partnerContext.close();

  // Staff accept it: only now is the link public as confirmed by both councils.
  await officer.goto(path);
  await expect(contacts.getByText("Ingrid Petersen (Landeshauptstadt Kiel) confirmed the partnership")).toBeVisible();
  await expect(officer.getByRole("list", { name: "Decision timeline" })).toContainText("by Ingrid Petersen, Landeshauptstadt Kiel (partner council)");
  await contacts.getByRole("button", { name: "Accept confirmation" }).click();
  await expect(officer.getByText("The partner’s confirmation has been accepted.")).toBeVisible();
  const publicPath = await officer.getByRole("link", { name: /^\/partners\// }).getAttribute("href");
  await officer.context().close();

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(publicPath!);
  await expect(visitor.getByText(/Confirmed by both councils/)).toBeVisible();
  await expect(visitor.getByText("Ingrid Petersen")).toHaveCount(0);
  await visitor.context().close();
});
