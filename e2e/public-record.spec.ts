// The public record (issue 24 items 1, 6, 7), as a resident meets it without JavaScript: the next
// event on What's on, its "Add to calendar" file, the partner filter, a cancelled event; the
// footer's statements and contact; the twinning costs file. The officer's events and the admin's
// contact address are set up through the server actions the forms post (not the staff pages).
// axe checks these pages in accessibility.spec.ts's sweep of every page (it needs JavaScript).
import { expect, test, DEMO_ACCOUNTS, DEMO_PASSWORD, uniqueName } from "./fixtures";
import { callServerAction, loadServerActions, serverAction, signInRequest, type ActionCall } from "./server-actions";

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

/** A wall time in London `days` from now at `time` ("2027-03-02T10:00"): ahead of the demo's own events. */
function londonDay(days: number, time: string): string {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(Date.now() + days * 86_400_000));
  return `${day}T${time}`;
}

function accepted(call: ActionCall, step: string): void {
  if (call.status >= 400 || !(call.redirect || call.result?.status === "success")) throw new Error(`${step} was not accepted (HTTP ${call.status}): ${JSON.stringify(call.result) ?? call.body.slice(0, 300)}`);
}

test("a resident finds the next event and adds it to a calendar, filters by partner, sees a cancelled event, reads the statements and the costs", async ({ browser, playwright, baseURL }) => {
  const actions = loadServerActions();
  const officer = await playwright.request.newContext({ baseURL });
  const admin = await playwright.request.newContext({ baseURL });
  await signInRequest(officer, DEMO_ACCOUNTS.STAFF.email, DEMO_PASSWORD);
  await signInRequest(admin, DEMO_ACCOUNTS.ADMIN.email, DEMO_PASSWORD);

  // The officer logs two public events with Kiel: tomorrow's (the next of all), and one they then cancel.
  const kielAgreement = new RegExp(`href="/agreements/(${UUID})"`).exec(await (await officer.get("/agreements?q=Kiel")).text())?.[1];
  expect(kielAgreement).toBeTruthy();
  const next = uniqueName("Twinning coffee morning");
  const cancelled = uniqueName("Harbour concert");
  const create = serverAction(actions, "app/events/new/actions.ts#createEventAction");
  for (const [title, startsAt] of [
    [next, londonDay(1, "05:00")],
    [cancelled, londonDay(3, "19:00")],
  ] as const) {
    accepted(await callServerAction(officer, create, { title, kind: "CIVIC_VISIT", startsAt, endsAt: "", timeZone: "Europe/London", place: "Council House", description: "All welcome.", visibility: "PUBLIC", agreementId: kielAgreement }), `Logging ${title}`);
  }
  const cancelledId = new RegExp(`href="/events/(${UUID})/edit"`).exec(await (await officer.get(`/events?q=${encodeURIComponent(cancelled)}`)).text())?.[1];
  accepted(await callServerAction(officer, serverAction(actions, "app/events/[id]/edit/actions.ts#cancelEventAction"), { id: cancelledId, reason: "The hall is closed.", publicReason: "The hall is closed for repairs." }, { page: `/events/${cancelledId}/edit` }), "Cancelling");

  // The admin publishes the council's contact address (set back at the end).
  const statements = serverAction(actions, "app/admin/settings/actions.ts#updateStatementsAction");
  accepted(await callServerAction(admin, statements, { contactAddress: "twinning@example.org", accessibilityStatement: "", privacyNotice: "" }, { page: "/admin/settings" }), "Saving the contact");

  const resident = await browser.newContext({ javaScriptEnabled: false });
  const page = await resident.newPage();
  try {
    await page.goto("/partners");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "What's on" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "What's on" })).toBeVisible();
    const items = page.getByRole("main").getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3 }) });
    await expect(items.first().getByRole("heading", { level: 3 })).toHaveText(next);
    // Soonest first.
    const starts = await items.locator("time").evaluateAll((times) => times.map((time) => time.getAttribute("datetime") ?? ""));
    expect(starts).toEqual([...starts].sort());

    // "Add to calendar": the event's own iCalendar file.
    const calendarHref = await items.first().getByRole("link", { name: /^Add to calendar\b/ }).getAttribute("href");
    expect(calendarHref).toMatch(new RegExp(`^/whats-on/${UUID}\\.ics$`));
    const file = await page.request.get(calendarHref!);
    expect(file.headers()["content-type"]).toContain("text/calendar");
    const ics = (await file.text()).replace(/\r\n[ \t]/g, "");
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain(`SUMMARY:${next}\r\n`);
    expect(ics).toContain(`UID:event-${calendarHref!.slice(10, 46)}@twinning-office\r\n`);
    expect(ics).toContain("LOCATION:Council House\r\n");
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);

    // Filter by partner (a GET form): Kiel's events only, the cancelled one marked.
    await page.getByLabel("Partner").selectOption({ label: "Kiel" });
    await page.getByRole("button", { name: "Show events" }).click();
    await expect(page).toHaveURL(/\/whats-on\?partner=[a-z-]*kiel$/);
    await expect(items.getByRole("link", { name: /^About / })).not.toHaveCount(0);
    for (const link of await items.getByRole("link", { name: /^About / }).all()) await expect(link).toHaveText("About Kiel");
    const called = items.filter({ hasText: cancelled });
    await expect(called.getByText("Cancelled", { exact: true })).toBeVisible();
    await expect(called.getByText("Why: The hall is closed for repairs.")).toBeVisible();
    await expect(called.getByRole("link", { name: /Add to calendar/ })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Subscribe in your calendar app" })).toHaveAttribute("href", /^webcal:\/\/.+\/open-data\/events\.ics$/);

    // The footer: the statements and the council's contact.
    const footer = page.getByRole("contentinfo");
    await expect(footer.getByRole("link", { name: "twinning@example.org" })).toHaveAttribute("href", "mailto:twinning@example.org");
    await footer.getByRole("link", { name: "Accessibility statement" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Accessibility statement" })).toBeVisible();
    for (const section of ["Compliance status", "Content that is not accessible", "Reporting accessibility problems with this website", "Enforcement procedure", "How we tested this website"]) {
      await expect(page.getByRole("heading", { level: 2, name: section })).toBeVisible();
    }
    await expect(page.getByText("contact us: twinning@example.org")).toBeVisible();
    await footer.getByRole("link", { name: "Privacy notice" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Privacy notice" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Your rights" })).toBeVisible();

    // The costs: listed on /open-data with what they are not, and the file names no person.
    await page.goto("/open-data");
    await expect(page.getByRole("heading", { name: "Twinning costs (CSV)" })).toBeVisible();
    await expect(page.getByText("it does not replace the council's Transparency Code return")).toBeVisible();
    const costs = await page.request.get("/open-data/twinning-costs.csv");
    expect(costs.headers()["content-type"]).toContain("text/csv");
    const csv = await costs.text();
    expect(csv.split("\r\n")[0]).toBe("exchange_id,date,end_date,partner,partner_country,kind,purpose,amount,currency,funding_source,partner_page");
    expect(csv).toMatch(/,Kiel,DE,School or youth exchange,[^,]*,6400\.00,GBP,Council budget,/);
    expect(csv).not.toContain("Bishop Ullathorne");
    // The Belgrade folk ensemble's visit is an internal exchange.
    expect(csv).not.toMatch(/,Belgrade,[^\r\n]*,2500\.00,/);
  } finally {
    await resident.close();
    await callServerAction(admin, statements, { contactAddress: "", accessibilityStatement: "", privacyNotice: "" }, { page: "/admin/settings" });
    await officer.dispose();
    await admin.dispose();
  }
});
