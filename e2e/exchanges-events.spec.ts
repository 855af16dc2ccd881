// Exchanges and events: an officer logs them through the forms, public events reach the
// iCalendar feed and internal ones never do, bad input is explained, and a councillor can read
// the logs but not write to them.
import type { Page } from "@playwright/test";
import { juneNextYear } from "./dates";
import { expect, signInAs, test, uniqueName } from "./fixtures";

const FEED = "/open-data/events.ics";
/** The day of the events the journeys add: upcoming, in summer time. */
const EVENT_DAY = juneNextYear(20);

function unfold(ics: string): string {
  return ics.replace(/\r\n[ \t]/g, "");
}

async function logExchange(page: Page, description: string) {
  await page.goto("/exchanges/new");
  await page.getByLabel("Agreement").selectOption({ label: "Kiel" });
  await page.getByLabel("Kind of exchange").selectOption({ label: "School or youth exchange" });
  await page.getByLabel("Direction").selectOption({ label: "Outbound" });
  await page.getByLabel("Start date").fill("2026-07-06");
  await page.getByLabel("End date").fill("2026-07-10");
  await page.getByLabel("Number of participants").fill("24");
  await page.getByLabel("Who took part").fill(description);
  await page.getByLabel("Cost", { exact: true }).fill("1,250.50");
  await page.getByLabel("Funding source").selectOption({ label: "Council budget" });
  await page.getByLabel("Outcomes").fill("A shared sailing week.");
  await page.getByLabel("Visibility").selectOption({ label: "Public" });
  await page.getByRole("button", { name: "Save exchange" }).click();
}

async function addEvent(page: Page, title: string, visibility: "Public" | "Internal") {
  await page.goto("/events/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Kind of event").selectOption({ label: "Festival" });
  await page.getByLabel("Start date and time").fill(`${EVENT_DAY.iso}T18:30`);
  await page.getByLabel("End date and time").fill(`${EVENT_DAY.iso}T21:00`);
  await page.getByLabel("Time zone").selectOption("Europe/Berlin");
  await page.getByLabel("Place").fill("Rathaus, Kiel");
  await page.getByLabel("Description").fill("Music, speeches; and a toast.");
  await page.getByLabel("Visibility").selectOption({ label: visibility });
  await page.getByLabel("Agreement").selectOption({ label: "Kiel" });
  await page.getByRole("button", { name: "Save event" }).click();
  await expect(page).toHaveURL(/\/events\?done=created/);
}

test("an officer logs an exchange under Kiel and sees it in the list", async ({ page }) => {
  await signInAs(page, "STAFF");
  await page.goto("/exchanges");
  await page.getByRole("link", { name: "Log an exchange" }).click();
  await expect(page).toHaveURL(/\/exchanges\/new$/);
  const description = uniqueName("Pupils of Bishop Ullathorne School");
  await logExchange(page, description);

  await expect(page).toHaveURL(/\/exchanges\?done=logged/);
  await expect(page.getByRole("status")).toContainText("The exchange has been logged");
  const row = page.getByRole("row").filter({ hasText: description });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Kiel");
  await expect(row).toContainText("School or youth exchange");
  await expect(row).toContainText("£1,250.50");

  // The search finds it too, from a fresh list.
  await page.goto(`/exchanges?q=${encodeURIComponent(description)}`);
  await expect(page.getByRole("row").filter({ hasText: description })).toHaveCount(1);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the exchange form works", async ({ page }) => {
    await signInAs(page, "STAFF");
    const description = uniqueName("Rowing club");
    await logExchange(page, description);
    await expect(page).toHaveURL(/\/exchanges\?done=logged/);
    await expect(page.getByRole("row").filter({ hasText: description })).toHaveCount(1);
  });

  test("the server refuses an agreement that is not active or suspended, with a field error", async ({ page }) => {
    await signInAs(page, "STAFF");
    await page.goto("/agreements?q=Mariupol");
    const href = await page.getByRole("link", { name: "Mariupol" }).first().getAttribute("href");
    const mariupol = href!.split("/").pop()!;
    await page.goto("/exchanges/new");
    await expect(page.getByLabel("Agreement").locator("option", { hasText: "Mariupol" })).toHaveCount(0);
    // The draft is smuggled into the select: only the server's own check stands in the way.
    await page.locator("#agreementId").evaluate((select: HTMLSelectElement, id: string) => {
      select.add(new Option("Mariupol", id));
      select.value = id;
    }, mariupol);
    await page.getByLabel("Kind of exchange").selectOption({ label: "Humanitarian aid" });
    await page.getByLabel("Direction").selectOption({ label: "Outbound" });
    await page.getByLabel("Start date").fill("2026-10-01");
    await page.getByRole("button", { name: "Save exchange" }).click();
    const message = "Exchanges can be logged only under an active or suspended agreement: that one is pending approval";
    await expect(page.getByTestId("error-summary").getByRole("link", { name: message })).toBeVisible();
    await expect(page.locator("#agreementId-error")).toContainText(message);
  });
});

test("bad input shows “There is a problem”, names each field and saves nothing", async ({ page }) => {
  await signInAs(page, "STAFF");
  const description = uniqueName("Never saved");
  await page.goto("/exchanges/new");
  await page.getByLabel("Agreement").selectOption({ label: "Kiel" });
  await page.getByLabel("Kind of exchange").selectOption({ label: "Sport" });
  await page.getByLabel("Direction").selectOption({ label: "Inbound" });
  await page.getByLabel("Start date").fill("2026-05-17");
  await page.getByLabel("End date").fill("2026-05-10");
  await page.getByLabel("Number of participants").fill("-3");
  await page.getByLabel("Who took part").fill(description);
  await page.getByLabel("Cost", { exact: true }).fill("-10");
  await page.getByRole("button", { name: "Save exchange" }).click();

  const summary = page.getByTestId("error-summary");
  await expect(summary.getByRole("heading", { name: "There is a problem" })).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link", { name: "End date must be the same as or after the start date" })).toBeVisible();
  await expect(summary.getByRole("link", { name: "Number of participants cannot be negative" })).toBeVisible();
  await expect(summary.getByRole("link", { name: "Cost cannot be negative" })).toBeVisible();
  await expect(page.getByLabel("Number of participants")).toHaveAttribute("aria-invalid", "true");
  // What was typed is still there.
  await expect(page.getByLabel("Who took part")).toHaveValue(description);

  await page.goto(`/exchanges?q=${encodeURIComponent(description)}`);
  await expect(page.getByText("No exchanges match these filters.")).toBeVisible();
});

test("a public event appears in events.ics and an internal one does not", async ({ page, request }) => {
  await signInAs(page, "STAFF");
  const publicTitle = uniqueName("Kieler Woche reception");
  const internalTitle = uniqueName("Planning meeting");
  await addEvent(page, publicTitle, "Public");
  await addEvent(page, internalTitle, "Internal");
  await expect(page.getByRole("row").filter({ hasText: publicTitle })).toContainText(EVENT_DAY.long);

  // Fetched without signing in, as a calendar app would.
  const response = await request.get(FEED);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  const raw = await response.text();
  expect(raw.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:")).toBe(true);
  expect(raw.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  for (const line of raw.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);

  const ics = unfold(raw);
  const vevent = ics.split("BEGIN:VEVENT").find((block) => block.includes(`SUMMARY:${publicTitle}`));
  expect(vevent, "the public event is in the feed").toBeDefined();
  // 18:30 and 21:00 in Berlin in summer (UTC+2).
  expect(vevent).toContain(`DTSTART:${EVENT_DAY.ical}T163000Z`);
  expect(vevent).toContain(`DTEND:${EVENT_DAY.ical}T190000Z`);
  expect(vevent).toContain("LOCATION:Rathaus\\, Kiel");
  expect(vevent).toContain("DESCRIPTION:Music\\, speeches\\; and a toast.");
  expect(vevent).toMatch(/URL:https?:\/\/[^/]+\/partners\/kiel\r\n/);
  expect(vevent).toMatch(/UID:event-[0-9a-f-]{36}@twinning-office/);
  expect(ics).not.toContain(internalTitle);
  expect(ics).not.toContain("Concert for Mariupol");
});

test("the events page shows the feed address and how to subscribe", async ({ page }) => {
  await signInAs(page, "COUNCILLOR");
  await page.goto("/events");
  await expect(page.getByLabel("Feed address")).toHaveValue(/\/open-data\/events\.ics$/);
  await expect(page.getByRole("link", { name: "Subscribe in your calendar app" })).toHaveAttribute("href", /^webcal:\/\/.+\/open-data\/events\.ics$/);
});

test("a councillor reads the logs, sees no “new” buttons, and the server refuses their write", async ({ page, browser, browserProblems }) => {
  browserProblems.allowResponse(403, "/exchanges/new");
  browserProblems.allowResponse(403, "/events/new");
  // The exchange form's server-action fields, as an officer's page renders them for a browser without JavaScript.
  const officerContext = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const officer = await officerContext.newPage();
  await signInAs(officer, "STAFF");
  const html = await (await officer.request.get("/exchanges/new")).text();
  const form = html.slice(html.indexOf('aria-label="Exchange"'), html.indexOf("</form>", html.indexOf('aria-label="Exchange"')));
  const actionFields = Object.fromEntries(
    [...form.matchAll(/<input type="hidden" name="(\$ACTION[^"]*)"(?: value="([^"]*)")?/g)].map((match) => [match[1]!, (match[2] ?? "").replace(/&quot;/g, '"').replace(/&amp;/g, "&")]),
  );
  expect(Object.keys(actionFields).length, "the form's action fields").toBeGreaterThan(0);
  await officer.goto("/exchanges/new");
  const kiel = await officer.getByLabel("Agreement").locator("option", { hasText: /^Kiel$/ }).getAttribute("value");

  await signInAs(page, "COUNCILLOR");
  await page.goto("/exchanges");
  await expect(page.getByRole("heading", { name: "Exchanges" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Log an exchange" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /^Edit/ })).toHaveCount(0);
  await page.goto("/events");
  await expect(page.getByRole("heading", { name: "Events", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Add an event" })).toHaveCount(0);
  expect((await page.goto("/exchanges/new"))?.status()).toBe(403);
  expect((await page.goto("/events/new"))?.status()).toBe(403);

  const post = (as: Page, description: string) =>
    as.request.post("/exchanges/new", {
      multipart: { ...actionFields, agreementId: kiel!, kind: "SPORT", direction: "INBOUND", startDate: "2026-05-17", participantsDescription: description, currency: "GBP", visibility: "PUBLIC", outcomes: "" },
    });
  // The same request from the officer is saved, so the councillor's is refused by the policy, not by its shape.
  const byOfficer = uniqueName("Officer's posted exchange");
  await post(officer, byOfficer);
  await officer.goto(`/exchanges?q=${encodeURIComponent(byOfficer)}`);
  await expect(officer.getByRole("row").filter({ hasText: byOfficer })).toHaveCount(1);

  const byCouncillor = uniqueName("Councillor's forged exchange");
  await post(page, byCouncillor);
  await officer.goto(`/exchanges?q=${encodeURIComponent(byCouncillor)}`);
  await expect(officer.getByText("No exchanges match these filters.")).toBeVisible();
  await officerContext.close();
});

test("the agreement page shows its exchanges and events with totals and a chart", async ({ page }) => {
  await signInAs(page, "STAFF");
  const description = uniqueName("Choir of Holy Trinity");
  await logExchange(page, description);
  await expect(page).toHaveURL(/\/exchanges\?done=logged/);
  await page.getByRole("row").filter({ hasText: description }).getByRole("link", { name: "Kiel", exact: true }).click();
  await expect(page).toHaveURL(/\/agreements\/[0-9a-f-]{36}$/);

  const activity = page.getByTestId("agreement-activity");
  await expect(activity.getByRole("heading", { name: "Exchanges and events" })).toBeVisible();
  await expect(activity.getByRole("row").filter({ hasText: description })).toHaveCount(1);
  await expect(activity.getByTestId("activity-totals")).toContainText("Participants");
  await expect(activity.getByRole("img", { name: /Activity per year/ })).toBeVisible();
  await expect(activity.getByRole("table", { name: /Activity per year/ }).getByRole("row", { name: /^2026/ })).toBeVisible();
});
