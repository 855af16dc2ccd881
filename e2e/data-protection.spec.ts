// A person's rights in the browser (issue 22 items 2 to 4): an admin downloads everything held
// about a user created here, looks at the confirmation step of erasing it (axe), and erases it
// without JavaScript: the user's page then names a former user, and the name and email are gone
// from the users list; the reason of a decision that named them says "Erased on …" in the
// agreement's history, and the audit page counts the field as erased, the record still verified.
// The retention periods are on the settings page.
import fs from "node:fs/promises";
import { signedIn, submitForApproval } from "./active-agreement";
import { axeViolations } from "./axe";
import { expect, signInAs, test, uniqueEmail, uniqueName, uniquePartnerName } from "./fixtures";

test("an admin exports a user's data, then erases it after a confirmation step that works without JavaScript", async ({ page, browser }) => {
  const name = uniqueName("Dana Erasable");
  const email = uniqueEmail("erasable");
  await signInAs(page, "ADMIN");
  await page.goto("/admin/settings");
  await expect(page.getByRole("heading", { name: "How long personal data is kept", level: 2 })).toBeVisible();
  await expect(page.getByLabel("Keep audit log addresses for (months)")).toHaveValue("13");

  await page.goto("/admin/users");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill("erasable-e2e-password-2026");
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  const userPath = new URL(page.url()).pathname;
  // A decision whose reason names them (v3 of the decision chain: its digest, not its text, is hashed).
  const agreementPath = await submitForApproval(page, uniquePartnerName(), { reason: `Agreed on the phone with ${name}.` });

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download their data (JSON)" }).click()]);
  const exported = JSON.parse(await fs.readFile((await download.path())!, "utf8"));
  expect(exported.account).toMatchObject({ name, email, role: "STAFF", active: true });
  expect(exported.auditLog.map((row: { action: string }) => row.action)).toContain("user.create");
  expect(download.suggestedFilename()).toMatch(/^personal-data-[0-9a-f-]{36}\.json$/);

  // The confirmation step, and the way back that keeps the user.
  await page.getByRole("link", { name: "Erase their personal data" }).click();
  await expect(page.getByRole("heading", { name: `Erase the personal data of ${name}?`, level: 1 })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole("link", { name: "Keep this user" }).first().click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();

  const admin = await signedIn(browser, "ADMIN", { javaScriptEnabled: false });
  await admin.goto(userPath);
  await admin.getByRole("link", { name: "Erase their personal data" }).click();
  await admin.getByRole("button", { name: "Erase personal data" }).click();
  await expect(admin.getByText("Their personal data has been erased.")).toBeVisible();
  await expect(admin.getByRole("heading", { name: /^Former user \d+$/, level: 1 })).toBeVisible();
  await expect(admin.getByText(/^former-user-[0-9a-f-]{36}@erased\.invalid$/)).toBeVisible();
  await admin.goto("/admin/users");
  await expect(admin.locator("main")).not.toContainText(name);
  await expect(admin.locator("main")).not.toContainText(email);
  await admin.goto(agreementPath);
  const history = admin.getByRole("list", { name: "Decision timeline" });
  await expect(history).toContainText(/Reason\s*Erased on \d{1,2} \w+ \d{4}/);
  await expect(admin.locator("main")).not.toContainText(name);
  await admin.goto("/admin/audit");
  const chain = admin.getByTestId("decision-chain");
  await expect(chain.getByRole("heading", { name: "Decision record: verified" })).toBeVisible();
  await expect(chain).toContainText(/verified, [1-9][\d,]* fields? erased/);
  await admin.context().close();
});
