// Cancelling an event and deleting an exchange logged in error (issue 21 item 6), without
// JavaScript: an officer cancels a public event of Kiel with a reason (asked for when left
// blank), sees it tagged "Cancelled" on /events, on the agreement's activity and on the public
// partner page (with the public reason), and sent in events.ics as STATUS:CANCELLED with a
// higher SEQUENCE, finds it can no longer be edited; then deletes an exchange through the
// confirmation step, and it is gone from the list. The event and the exchange are the journey's own.
import type { Browser, Page } from "@playwright/test";
import { axeViolations } from "./axe";
import { juneNextYear } from "./dates";
import { expect, signInAs, test, uniqueName } from "./fixtures";

const EVENT_DAY = juneNextYear(21);

async function signedIn(browser: Browser, javaScriptEnabled: boolean): Promise<Page> {
  const page = await (await browser.newContext({ javaScriptEnabled })).newPage();
  await signInAs(page, "STAFF");
  return page;
}

/** axe needs JavaScript: the page at `path` in a browser that has it, after `act` (e.g. a refused submission). */
async function axeOn(page: Page, path: string, act: (page: Page) => Promise<void> = async () => {}): Promise<string[]> {
  await page.goto(path);
  await act(page);
  return axeViolations(page);
}

/** The VEVENT whose SUMMARY holds `title`, unfolded, one property per line. */
function feedEntry(ics: string, title: string): string[] | undefined {
  const vevents = ics.replace(/\r\n[ \t]/g, "").split("BEGIN:VEVENT\r\n").slice(1);
  return vevents.find((vevent) => vevent.includes(title))?.split("\r\n");
}

test("an officer cancels an event with a reason and deletes an exchange logged in error, without JavaScript", async ({ browser, request }) => {
  const page = await signedIn(browser, false);
  const withScript = await signedIn(browser, true);

  const title = uniqueName("Kiel Week reception");
  await page.goto("/events/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Kind of event").selectOption({ label: "Civic visit" });
  await page.getByLabel("Start date and time").fill(`${EVENT_DAY.iso}T18:00`);
  await page.getByLabel("Time zone").selectOption("Europe/Berlin");
  await page.getByLabel("Visibility").selectOption({ label: "Public" });
  await page.getByLabel("Agreement").selectOption({ label: "Kiel" });
  await page.getByRole("button", { name: "Save event" }).click();
  await expect(page).toHaveURL(/\/events\?done=created/);
  expect(feedEntry(await (await request.get("/open-data/events.ics")).text(), title)).toContain("SEQUENCE:0");

  await page.getByRole("row").filter({ hasText: title }).getByRole("link", { name: /^Edit/ }).click();
  await expect(page.getByRole("heading", { name: "Cancel event" })).toBeVisible();
  expect(await axeOn(withScript, new URL(page.url()).pathname)).toEqual([]);
  const cancelForm = page.getByRole("form", { name: "Cancel event" });
  await cancelForm.getByRole("button", { name: "Cancel event" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("Enter the reason for cancelling the event");
  await page.getByLabel("Reason", { exact: true }).fill("The town hall is being rewired.");
  await page.getByLabel("Public reason").fill("Postponed until the autumn: a new date will follow.");
  await page.getByRole("form", { name: "Cancel event" }).getByRole("button", { name: "Cancel event" }).click();

  await expect(page).toHaveURL(/\/events\?done=cancelled/);
  await expect(page.getByRole("status")).toContainText("The event has been cancelled");
  await expect(page.getByRole("row").filter({ hasText: title })).toContainText("Cancelled");
  const entry = feedEntry(await (await request.get("/open-data/events.ics")).text(), title);
  expect(entry).toContain("STATUS:CANCELLED");
  expect(entry).toContain("SEQUENCE:1");
  expect(entry).toContain(`SUMMARY:Cancelled: ${title}`);
  // Tagged on the agreement's activity, and shown to residents with the public reason until it has passed.
  await page.getByRole("row").filter({ hasText: title }).getByRole("link", { name: "Kiel", exact: true }).click();
  await expect(page.getByTestId("agreement-activity").getByRole("row").filter({ hasText: title })).toContainText("Cancelled");
  await page.goto("/partners/kiel");
  const publicItem = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: title }) });
  await expect(publicItem).toContainText("Cancelled");
  await expect(publicItem).toContainText("Why: Postponed until the autumn: a new date will follow.");
  await expect(publicItem).not.toContainText("rewired");
  await page.goto("/events");

  // No longer edited: the page says why, and there is no form to save.
  await page.getByRole("row").filter({ hasText: title }).getByRole("link", { name: /^Edit/ }).click();
  await expect(page.getByRole("heading", { name: "This event was cancelled" })).toBeVisible();
  await expect(page.getByText("A cancelled event can no longer be edited.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save event" })).toHaveCount(0);

  const participants = uniqueName("Logged twice: Kiel rowing club");
  await page.goto("/exchanges/new");
  await page.getByLabel("Agreement").selectOption({ label: "Kiel" });
  await page.getByLabel("Kind of exchange").selectOption({ label: "Sport" });
  await page.getByLabel("Direction").selectOption({ label: "Inbound" });
  await page.getByLabel("Start date").fill("2026-05-02");
  await page.getByLabel("Who took part").fill(participants);
  await page.getByLabel("Visibility").selectOption({ label: "Internal" });
  await page.getByRole("button", { name: "Save exchange" }).click();
  await expect(page).toHaveURL(/\/exchanges\?done=logged/);

  await page.getByRole("row").filter({ hasText: participants }).getByRole("link", { name: /^Edit/ }).click();
  await page.getByRole("link", { name: "Delete this exchange" }).click();
  await expect(page.getByRole("heading", { name: /^Delete the exchange with Kiel/ })).toBeVisible();
  await page.getByRole("button", { name: "Delete exchange" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("Enter why it is being deleted");
  const confirmation = new URL(page.url());
  expect(
    await axeOn(withScript, `${confirmation.pathname}${confirmation.search}`, async (checked) => {
      await checked.getByRole("button", { name: "Delete exchange" }).click();
      await expect(checked.getByTestId("error-summary")).toBeVisible();
    }),
  ).toEqual([]);
  await page.getByLabel("Reason", { exact: true }).fill("Logged twice by mistake.");
  await page.getByRole("button", { name: "Delete exchange" }).click();

  await expect(page).toHaveURL(/\/exchanges\?done=deleted/);
  await expect(page.getByRole("status")).toContainText("The exchange has been deleted");
  await page.goto(`/exchanges?q=${encodeURIComponent(participants)}`);
  await expect(page.getByRole("row").filter({ hasText: participants })).toHaveCount(0);
  await page.context().close();
  await withScript.context().close();
});
