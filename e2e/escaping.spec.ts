// Text shown back is text, everywhere: a partner named like an XSS attack, with script in its
// summary, notes, reasons, exchange and event, is drafted, approved and published through the
// UI; every page that shows it must show the literal characters, open no dialog and hold no
// injected element; every download and open-data file must carry it escaped for its format.
import type { Browser, Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { juneNextYear } from "./dates";
import { decide } from "./approvals";
import { expect, signInAs, test, type DemoAccount } from "./fixtures";

const suffix = `${Date.now().toString(36)}`;
/** The partner's name: an image whose error handler would run script if the name became HTML. */
const NAME = `<img src=x onerror=alert(1)> ${suffix}`;
/** Breaks out of an attribute and opens a script, in every longer text. */
const SCRIPT = `"><script>alert(2)</script> & 'quotes'; commas, too`;

async function as(browser: Browser, account: DemoAccount): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, account);
  return page;
}

/** Every dialog any page opens (alert(1) or alert(2) would be one). */
function watchDialogs(pages: Page[]): string[] {
  const dialogs: string[] = [];
  for (const page of pages) {
    page.on("dialog", (dialog) => {
      dialogs.push(`${page.url()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
  }
  return dialogs;
}

async function expectShownAsText(page: Page, url: string, texts: string[]) {
  await page.goto(url);
  // Visible text only: a filter's <option> holds the name too.
  for (const text of texts) await expect(page.getByText(text).filter({ visible: true }).first(), `${url} shows ${text}`).toBeVisible();
  await expect(page.locator('img[src="x"]'), `${url}: no injected image`).toHaveCount(0);
  // Escaped, the text may sit inside the page's own (nonced) data scripts; broken out, it would be a script of its own.
  const injected = await page.locator("script").evaluateAll((scripts) => scripts.filter((script) => script.textContent?.trim() === "alert(2)").length);
  expect(injected, `${url}: no injected script`).toBe(0);
}

test("a partner named like an XSS attack is shown as text on every page, in every export and every feed", async ({ browser }) => {
  test.setTimeout(300_000);
  const officer = await as(browser, "STAFF");
  const councillor = await as(browser, "COUNCILLOR");
  const admin = await as(browser, "ADMIN");
  const resident = await (await browser.newContext()).newPage();
  const dialogs = watchDialogs([officer, councillor, admin, resident]);

  // Drafted through the form, with script in every free text.
  await officer.goto("/agreements/new");
  await officer.getByLabel("Partner name").fill(NAME);
  await officer.getByLabel("Country").selectOption("DE");
  await officer.getByLabel("Region").fill(SCRIPT);
  await officer.getByLabel("Locality type").selectOption({ label: "Town" });
  await officer.getByLabel("Relationship type").selectOption({ label: "Twin town" });
  await officer.getByLabel("Link began").fill("2001-05-01");
  await officer.getByLabel("Purpose").fill(`Purpose ${SCRIPT}`);
  await officer.getByLabel("Public summary").fill(`Summary ${SCRIPT}`);
  await officer.getByLabel("Internal notes").fill(`Notes ${SCRIPT}`);
  await officer.getByLabel("Latitude").fill("54.3233");
  await officer.getByLabel("Longitude").fill("10.1228");
  await officer.getByRole("button", { name: "Save draft" }).click();
  await expect(officer.getByText("Status: Draft")).toBeVisible();
  const agreementUrl = new URL(officer.url()).pathname;
  const agreementId = agreementUrl.split("/").pop()!;

  await officer.getByRole("button", { name: "Submit for approval" }).click();
  await officer.getByLabel("Reason", { exact: true }).fill(`Reason ${SCRIPT}`);
  await officer.getByRole("button", { name: "Submit for approval" }).click();
  await expect(officer.getByText("Status: Pending approval")).toBeVisible();

  // Awaiting a decision: the approvals page shows it as text.
  await expectShownAsText(councillor, "/approvals", [NAME, `Reason ${SCRIPT}`]);
  await decide(councillor, NAME, "Approve", { reason: `Approved ${SCRIPT}` });

  // An exchange and a public event under it.
  await officer.goto("/exchanges/new");
  await officer.getByLabel("Agreement").selectOption(agreementId);
  await officer.getByLabel("Kind of exchange").selectOption({ label: "Cultural" });
  await officer.getByLabel("Direction").selectOption({ label: "Inbound" });
  await officer.getByLabel("Start date").fill("2026-05-04");
  await officer.getByLabel("Who took part").fill(`Choir ${SCRIPT}`);
  await officer.getByLabel("Cost", { exact: true }).fill("750");
  await officer.getByLabel("Purpose").fill(`Purpose ${SCRIPT}`);
  await officer.getByLabel("Outcomes").fill(`Outcomes ${SCRIPT}`);
  await officer.getByLabel("Visibility").selectOption({ label: "Public" });
  await officer.getByRole("button", { name: "Save exchange" }).click();
  await expect(officer).toHaveURL(/\/exchanges\?done=logged/);

  const eventTitle = `Festival ${NAME}`;
  await officer.goto("/events/new");
  await officer.getByLabel("Title").fill(eventTitle);
  await officer.getByLabel("Kind of event").selectOption({ label: "Festival" });
  await officer.getByLabel("Start date and time").fill(`${juneNextYear(20).iso}T18:30`);
  await officer.getByLabel("Place").fill(`Town hall ${SCRIPT}`);
  await officer.getByLabel("Description").fill(`Description ${SCRIPT}`);
  await officer.getByLabel("Visibility").selectOption({ label: "Public" });
  await officer.getByLabel("Agreement").selectOption(agreementId);
  await officer.getByRole("button", { name: "Save event" }).click();
  await expect(officer).toHaveURL(/\/events\?done=created/);

  // Every page that shows it, staff and public.
  await expectShownAsText(officer, agreementUrl, [NAME, `Summary ${SCRIPT}`, `Notes ${SCRIPT}`, `Reason ${SCRIPT}`, `Approved ${SCRIPT}`]);
  await expectShownAsText(officer, `/agreements?q=${encodeURIComponent(suffix)}`, [NAME]);
  await expectShownAsText(officer, "/dashboard", [NAME]);
  await expectShownAsText(officer, `/exchanges?agreement=${agreementId}`, [NAME, `Choir ${SCRIPT}`]);
  await expectShownAsText(officer, "/events", [eventTitle]);
  // The audit log names records by id; it must still hold no markup of theirs.
  await expectShownAsText(admin, "/admin/audit", [agreementId]);
  await expectShownAsText(resident, "/partners", [NAME, `Summary ${SCRIPT}`]);
  const partnerUrl = await resident.getByRole("link", { name: NAME }).first().getAttribute("href");
  expect(partnerUrl).toMatch(/^\/partners\/[a-z0-9-]+$/);
  await expectShownAsText(resident, "/decisions", [NAME]);
  await expectShownAsText(resident, partnerUrl!, [NAME, `Summary ${SCRIPT}`, eventTitle, `Choir ${SCRIPT}`]);
  await expectShownAsText(resident, `/whats-on?partner=${partnerUrl!.split("/")[2]}`, [eventTitle, `Description ${SCRIPT}`, `About ${NAME}`]);
  expect(dialogs).toEqual([]);

  // Spreadsheets: the text as typed, in a cell (never a formula).
  const csv = await (await officer.request.get(`/agreements/export?format=csv&q=${encodeURIComponent(suffix)}`)).text();
  expect(csv).toContain(NAME);
  expect(csv).toContain(`"Summary ""><script>alert(2)</script> & 'quotes'; commas, too"`);
  const xlsx = await officer.request.get(`/agreements/export?format=xlsx&q=${encodeURIComponent(suffix)}`);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await xlsx.body()) as unknown as ExcelJS.Buffer);
  const cells: unknown[] = [];
  book.worksheets[0]!.eachRow((row) => row.eachCell((cell) => cells.push(cell.value)));
  expect(cells).toContain(NAME);
  expect(cells).toContain(`Summary ${SCRIPT}`);

  // Open data: each format's own escaping, parsed back to the same text.
  const json = (await (await resident.request.get("/open-data/partners.json")).json()) as unknown;
  expect(JSON.stringify(json)).toContain(JSON.stringify(NAME).slice(1, -1));
  const geojson = await resident.request.get("/open-data/partners.geojson");
  expect(JSON.stringify(await geojson.json())).toContain(JSON.stringify(NAME).slice(1, -1));
  const partnersCsv = await (await resident.request.get("/open-data/partners.csv")).text();
  expect(partnersCsv).toContain(NAME);
  const twinningLinks = (await (await resident.request.get("/open-data/twinning-links.json")).json()) as unknown;
  expect(JSON.stringify(twinningLinks)).toContain(JSON.stringify(NAME).slice(1, -1));
  expect(await (await resident.request.get("/open-data/twinning-links.csv")).text()).toContain(NAME);
  const costsCsv = await (await resident.request.get("/open-data/twinning-costs.csv")).text();
  expect(costsCsv).toContain(`"Purpose ""><script>alert(2)</script> & 'quotes'; commas, too"`);

  const atom = await (await resident.request.get("/open-data/decisions.atom")).text();
  expect(XMLValidator.validate(atom)).toBe(true);
  expect(atom).not.toContain(NAME);
  expect(atom).toContain(NAME.replace("<", "&lt;").replace(">", "&gt;"));
  const feed = new XMLParser({ ignoreAttributes: false }).parse(atom) as { feed: { entry: { title: unknown }[] | { title: unknown } } };
  const titles = [feed.feed.entry].flat().map((entry) => JSON.stringify(entry.title));
  expect(titles.some((title) => title.includes(JSON.stringify(NAME).slice(1, -1)))).toBe(true);

  // iCalendar: TEXT values escape backslash, semicolon and comma (RFC 5545 3.3.11); lines fold at 75 octets.
  const ics = (await (await resident.request.get("/open-data/events.ics")).text()).replace(/\r\n[ \t]/g, "");
  expect(ics).toContain(`SUMMARY:${eventTitle}\r\n`);
  expect(ics).toContain(`DESCRIPTION:Description "><script>alert(2)</script> & 'quotes'\\; commas\\, too\r\n`);
});
