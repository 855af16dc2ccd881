// The public face of the twinning office: the partner listing, partner pages and open data, as a
// resident, a partner town or a journalist sees them — without signing in, with or without
// JavaScript. Runs on the demo story: Kiel, Dresden, Belgrade and Ankh-Morpork active; Volgograd
// suspended with a public reason; Mariupol awaiting approval (never public).
import { check } from "@placemarkio/check-geojson";
import { parse } from "csv-parse/sync";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { Browser, Page } from "@playwright/test";
import { decide } from "./approvals";
import { axeViolations } from "./axe";
import { expect, signInAs, test, uniqueName, type DemoAccount } from "./fixtures";


const VOLGOGRAD_PUBLIC_REASON = "Paused in March 2022 following Russia's full-scale invasion of Ukraine.";
const VOLGOGRAD_INTERNAL_REASON = "Cabinet agreed to pause all civic contact";

function currentPartners(page: Page) {
  return page.getByRole("region", { name: "Current partners" });
}

function formerPartnerships(page: Page) {
  return page.getByRole("region", { name: "Paused and former partnerships" });
}

async function expectNoAxeViolations(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

test.describe("the partner listing", () => {
  test("shows the current partners with country, relationship type, since when and summary", async ({ page }) => {
    await page.goto("/partners");
    await expect(page).toHaveTitle(/Our partner towns and cities/);
    await expect(page.getByRole("heading", { level: 1, name: "Our partner towns and cities" })).toBeVisible();
    const current = currentPartners(page);
    for (const name of ["Kiel", "Dresden", "Belgrade", "Ankh-Morpork"]) {
      await expect(current.getByRole("link", { name, exact: true })).toBeVisible();
    }
    const belgrade = current.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Belgrade", exact: true }) });
    await expect(belgrade).toContainText("Serbia");
    await expect(belgrade).toContainText("Twin town, since 1953 (formalised 1957)");
    await expect(belgrade).toContainText("Friends since 1953; the link was formalised in 1957.");
    await expect(current.getByRole("link", { name: "Kiel", exact: true })).toHaveAttribute("href", "/partners/kiel");
    await expect(current.getByText("Volgograd")).toHaveCount(0);
    await expect(page.getByText("Mariupol")).toHaveCount(0);
  });

  test("lists paused partnerships with the date and the public reason, never the internal one", async ({ page }) => {
    await page.goto("/partners");
    const former = formerPartnerships(page);
    await expect(former.getByRole("heading", { name: "Paused and former partnerships" })).toBeVisible();
    const volgograd = former.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Volgograd", exact: true }) });
    await expect(volgograd).toContainText("Suspended");
    await expect(volgograd).toContainText("15 March 2022");
    await expect(volgograd).toContainText(VOLGOGRAD_PUBLIC_REASON);
    await expect(page.getByText(VOLGOGRAD_INTERNAL_REASON)).toHaveCount(0);
  });

  test("draws a map whose markers are named links to the partner pages", async ({ page }) => {
    await page.goto("/partners");
    const map = page.getByRole("group", { name: /Map of current partners/ });
    await expect(map).toBeVisible();
    await expect(map.getByRole("link", { name: "Kiel, Germany" })).toHaveAttribute("href", "/partners/kiel");
    await expect(map.getByRole("link", { name: "Belgrade, Serbia" })).toHaveAttribute("href", "/partners/belgrade");
    await expect(page.getByText(/Not on the map, for want of a location: Ankh-Morpork/)).toBeVisible();
    await map.getByRole("link", { name: "Dresden, Germany" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Dresden" })).toBeVisible();
  });

  test("has no accessibility violations", async ({ page }) => {
    await page.goto("/partners");
    await expectNoAxeViolations(page);
  });

  test("works at 320 pixels wide without scrolling sideways", async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto("/partners");
    await expect(page.getByLabel("Search partners")).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });
});

test.describe("searching and filtering without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the search box finds a partner by name, and the address carries the query", async ({ page }) => {
    await page.goto("/partners");
    await page.getByLabel("Search partners").fill("kiel");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page).toHaveURL(/[?&]q=kiel/);
    const current = currentPartners(page);
    await expect(current.getByRole("link", { name: "Kiel", exact: true })).toBeVisible();
    await expect(current.getByRole("link", { name: "Dresden", exact: true })).toHaveCount(0);
    await expect(page.getByLabel("Search partners")).toHaveValue("kiel");
  });

  test("the Country filter keeps only that country's partners", async ({ page }) => {
    await page.goto("/partners");
    await page.getByLabel("Country").selectOption({ label: "Germany" });
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page).toHaveURL(/[?&]country=DE/);
    const current = currentPartners(page);
    await expect(current.getByRole("link", { name: "Kiel", exact: true })).toBeVisible();
    await expect(current.getByRole("link", { name: "Dresden", exact: true })).toBeVisible();
    await expect(current.getByRole("link", { name: "Belgrade", exact: true })).toHaveCount(0);
    await expect(page.getByLabel("Country")).toHaveValue("DE");
  });

  test("the Relationship type filter keeps only that type", async ({ page }) => {
    await page.goto("/partners");
    await page.getByLabel("Relationship type").selectOption({ label: "Friendship city" });
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page).toHaveURL(/[?&]type=FRIENDSHIP_CITY/);
    const current = currentPartners(page);
    await expect(current.getByRole("link", { name: "Ankh-Morpork", exact: true })).toBeVisible();
    await expect(current.getByRole("link", { name: "Kiel", exact: true })).toHaveCount(0);
  });

  test("a search with no match says so, and a shared address shows the same view", async ({ page }) => {
    await page.goto("/partners?q=no-such-place-anywhere");
    await expect(page.getByText("No current partners match your search.")).toBeVisible();
    await page.goto("/partners?country=RU");
    await expect(formerPartnerships(page).getByRole("link", { name: "Volgograd", exact: true })).toBeVisible();
    await expect(currentPartners(page).getByRole("listitem")).toHaveCount(0);
    await page.getByRole("link", { name: "Clear search and filters" }).click();
    await expect(currentPartners(page).getByRole("link", { name: "Kiel", exact: true })).toBeVisible();
  });

  test("partner pages and the open data page render", async ({ page }) => {
    await page.goto("/partners/kiel");
    await expect(page.getByRole("heading", { level: 1, name: "Kiel" })).toBeVisible();
    await page.goto("/open-data");
    await expect(page.getByRole("heading", { level: 1, name: "Open data" })).toBeVisible();
  });
});

test.describe("a partner page", () => {
  test("shows the summary, relationship, since when, themes, and public exchanges and events, most recent first", async ({ page }) => {
    await page.goto("/partners/kiel");
    await expect(page).toHaveTitle(/^Kiel · /);
    await expect(page.getByRole("heading", { level: 1, name: "Kiel" })).toBeVisible();
    await expect(page.getByText("Status: Active")).toBeVisible();
    await expect(page.getByText("Coventry's link with Kiel began in 1947").first()).toBeVisible();
    await expect(page.locator("dl")).toContainText("Twin town");
    await expect(page.locator("dl")).toContainText("1947 (formalised 1967)");
    await expect(page.locator("dl")).toContainText("Reconciliation, Education, Sport");
    // Other journeys may log public exchanges under Kiel too: check the seeded ones and their order.
    const exchanges = await page.getByRole("region", { name: "Exchanges" }).getByRole("listitem").allTextContents();
    const rowing = exchanges.findIndex((text) => text.includes("Kiel rowing club"));
    // Journeys may log their own "Bishop Ullathorne School" exchanges; the seeded 2023 one is the last of them.
    const school = exchanges.findLastIndex((text) => text.includes("Bishop Ullathorne School"));
    expect(rowing, "the regatta of some months ago is listed").toBeGreaterThanOrEqual(0);
    expect(school, "the 2023 exchange comes after the regatta").toBeGreaterThan(rowing);
    await expect(page.getByRole("region", { name: "Upcoming events" })).toContainText(/\d+ years of Coventry and Kiel/);
  });

  test("has a description and Open Graph tags", async ({ page }) => {
    await page.goto("/partners/dresden");
    await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /Cross of Nails/);
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", /^Dresden/);
    await expect(page.locator('meta[property="og:description"]')).toHaveAttribute("content", /Cross of Nails/);
    await expect(page.locator('meta[property="og:url"]')).toHaveAttribute("content", /\/partners\/dresden$/);
  });

  test("never shows internal exchanges", async ({ page }) => {
    await page.goto("/partners/belgrade");
    await expect(page.getByRole("heading", { level: 1, name: "Belgrade" })).toBeVisible();
    await expect(page.getByText("Belgrade folk ensemble")).toHaveCount(0);
    await expect(page.getByText("No public exchanges with Belgrade have been recorded yet.")).toBeVisible();
  });

  test("a paused link gives its public reason and never the internal one", async ({ page }) => {
    await page.goto("/partners/volgograd");
    await expect(page.getByText("Status: Suspended")).toBeVisible();
    await expect(page.getByText(VOLGOGRAD_PUBLIC_REASON)).toBeVisible();
    await expect(page.getByText(/was paused on 15 March 2022/)).toBeVisible();
    await expect(page.getByText(VOLGOGRAD_INTERNAL_REASON)).toHaveCount(0);
  });

  test("a link awaiting approval is not public: 404", async ({ page, browserProblems }) => {
    browserProblems.allowResponse(404, "/partners/mariupol");
    const response = await page.goto("/partners/mariupol");
    expect(response?.status()).toBe(404);
    await expect(page.getByText("Mariupol")).toHaveCount(0);
  });

  test("an unknown partner is 404", async ({ page, browserProblems }) => {
    browserProblems.allowResponse(404, "/partners/no-such-partner");
    const response = await page.goto("/partners/no-such-partner");
    expect(response?.status()).toBe(404);
  });

  test("has no accessibility violations, active or paused", async ({ page }) => {
    await page.goto("/partners/kiel");
    await expectNoAxeViolations(page);
    await page.goto("/partners/volgograd");
    await expectNoAxeViolations(page);
  });
});

test.describe("open data", () => {
  test("the open data page describes each file and feed, its licence and addresses", async ({ page }) => {
    await page.goto("/open-data");
    await expect(page.getByRole("heading", { level: 1, name: "Open data" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Open Government Licence v3.0" })).toBeVisible();
    for (const path of ["partners.json", "partners.csv", "partners.geojson", "decisions.atom", "events.ics"]) {
      await expect(page.getByRole("link", { name: new RegExp(`/open-data/${path.replace(".", "\\.")}$`) })).toHaveAttribute("href", `/open-data/${path}`);
    }
    await expectNoAxeViolations(page);
  });

  test("partners.json: the current partners, ISO codes and dates, no pending or paused links", async ({ request }) => {
    const response = await request.get("/open-data/partners.json");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^application\/json/);
    const body = (await response.json()) as { licence: { name: string }; partners: { id: string; name: string; countryCode: string | null; linkBegan: string | null; status: string }[] };
    expect(body.licence.name).toBe("Open Government Licence v3.0");
    const names = body.partners.map((partner) => partner.name);
    expect(names).toEqual(expect.arrayContaining(["Kiel", "Dresden", "Belgrade", "Ankh-Morpork"]));
    expect(names).not.toContain("Mariupol");
    expect(names).not.toContain("Volgograd");
    expect(body.partners.find((partner) => partner.name === "Belgrade")).toMatchObject({ countryCode: "RS", linkBegan: "1953-01-01", status: "ACTIVE" });
    expect(body.partners.every((partner) => /^[0-9a-f-]{36}$/.test(partner.id))).toBe(true);
  });

  test("partners.csv: RFC 4180 with a header row and CRLF line ends", async ({ request }) => {
    const response = await request.get("/open-data/partners.csv");
    expect(response.headers()["content-type"]).toMatch(/^text\/csv; charset=utf-8/);
    const text = await response.text();
    expect(text).toMatch(/^id,agreementId,slug,name,/);
    expect(text.endsWith("\r\n")).toBe(true);
    const records = parse(text, { columns: true, record_delimiter: "\r\n" }) as Record<string, string>[];
    expect(records.find((record) => record.name === "Kiel")).toMatchObject({ countryCode: "DE", latitude: "54.3233", longitude: "10.1228" });
    expect(records.map((record) => record.name)).not.toContain("Mariupol");
  });

  test("partners.geojson: a valid FeatureCollection in [longitude, latitude] order", async ({ request }) => {
    const response = await request.get("/open-data/partners.geojson");
    expect(response.headers()["content-type"]).toMatch(/^application\/geo\+json/);
    const text = await response.text();
    const collection = check(text);
    expect(collection.type).toBe("FeatureCollection");
    const kiel = (JSON.parse(text) as { features: { geometry: { coordinates: number[] }; properties: { name: string } }[] }).features.find((feature) => feature.properties.name === "Kiel");
    expect(kiel?.geometry.coordinates).toEqual([10.1228, 54.3233]);
  });

  test("decisions.atom: a valid Atom feed with the public reason of a paused link", async ({ request }) => {
    const response = await request.get("/open-data/decisions.atom");
    expect(response.headers()["content-type"]).toMatch(/^application\/atom\+xml/);
    const xml = await response.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const { feed } = new XMLParser({ ignoreAttributes: false, textNodeName: "text" }).parse(xml) as {
      feed: { "@_xmlns": string; id: string; updated: string; link: { "@_rel": string }[]; entry: { id: string; title: { text: string }; summary: { text: string } }[] };
    };
    expect(feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(feed.link.some((link) => link["@_rel"] === "self")).toBe(true);
    const paused = feed.entry.find((entry) => entry.title.text === "Volgograd: link paused");
    expect(paused?.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(paused?.summary.text).toContain("Paused in March 2022");
    expect(xml).not.toContain(VOLGOGRAD_INTERNAL_REASON);
    expect(xml).not.toContain("Mariupol");
  });
});

async function signedIn(browser: Browser, account: DemoAccount): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, account);
  return page;
}

/** Approves the open proposal on `partner`, with the second councillor too when the council needs two approvals. */
async function approve(councillors: Page[], partner: string) {
  for (const councillor of councillors) {
    if ((await decide(councillor, partner, "Approve")).startsWith("Approved.")) return;
  }
  throw new Error(`Not enough councillors to approve the proposal on “${partner}”`);
}

test.describe("after a decision", () => {
  test("a newly approved partner appears at once, escaped everywhere; once suspended it moves to the paused section with its reason", async ({ browser, page }) => {
    // Two proposals, four votes and every public view: on the PostgreSQL phase it runs after the
    // load test, whose open proposals make /approvals long. Three minutes were not always enough.
    test.setTimeout(300_000);
    const town = uniqueName("Testville");
    const name = `=HYPERLINK("http://x") <img src=x onerror=alert(1)> ${town}`;
    const publicReason = `Paused while ${uniqueName("the partner")} holds elections.`;
    const internalReason = `Internal: ${uniqueName("security advice")}`;
    const officer = await signedIn(browser, "STAFF");
    const councillors = [await signedIn(browser, "COUNCILLOR"), await signedIn(browser, "COUNCILLOR2")];

    await officer.goto("/agreements/new");
    await officer.getByLabel("Partner name").fill(name);
    await officer.getByLabel("Country").selectOption({ label: "Portugal" });
    await officer.getByLabel("Locality type").selectOption({ label: "Town" });
    await officer.getByLabel("Relationship type").selectOption({ label: "Twin town" });
    await officer.getByLabel("Latitude").fill("41.1579");
    await officer.getByLabel("Longitude").fill("-8.6291");
    await officer.getByLabel("Purpose").fill("Friendship between two river towns.");
    await officer.getByLabel("Public summary").fill("A new twin town on the Douro.");
    await officer.getByRole("button", { name: "Save draft" }).click();
    await expect(officer).toHaveURL(/\/agreements\/[0-9a-f-]{36}/);
    const agreementUrl = officer.url().split("?")[0]!;
    await officer.getByRole("button", { name: "Submit for approval" }).click();
    await officer.getByLabel("Reason", { exact: true }).fill("Agreed by the twinning association.");
    await officer.getByRole("button", { name: "Submit for approval" }).click();
    await expect(officer.getByText("Status: Pending approval")).toBeVisible();

    await page.goto("/partners");
    await expect(page.getByText(name)).toHaveCount(0);

    await approve(councillors, name);

    await page.goto("/partners");
    const listed = currentPartners(page).getByRole("link", { name, exact: true });
    await expect(listed).toBeVisible();
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    const csv = await (await page.request.get("/open-data/partners.csv")).text();
    const record = (parse(csv, { columns: true }) as Record<string, string>[]).find((row) => row.name?.endsWith(town));
    expect(record?.name).toBe(`'${name}`);
    const json = (await (await page.request.get("/open-data/partners.json")).json()) as { partners: { name: string }[] };
    expect(json.partners.map((partner) => partner.name)).toContain(name);

    await officer.goto(agreementUrl);
    await officer.getByRole("button", { name: "Propose suspension" }).click();
    await officer.getByLabel("Reason", { exact: true }).fill(internalReason);
    await officer.getByLabel("Public reason").fill(publicReason);
    await officer.getByRole("button", { name: "Propose suspension" }).click();
    // The proposal exists once the officer is told so: only then may the councillors find it.
    await expect(officer.getByText(/proposed\. Councillors have been asked to decide/)).toBeVisible();
    await approve(councillors, name);

    await page.goto("/partners");
    await expect(currentPartners(page).getByRole("link", { name, exact: true })).toHaveCount(0);
    const paused = formerPartnerships(page).getByRole("listitem").filter({ has: page.getByRole("link", { name, exact: true }) });
    await expect(paused).toContainText(publicReason);
    await expect(page.getByText(internalReason)).toHaveCount(0);
    await paused.getByRole("link", { name, exact: true }).click();
    await expect(page.getByText("Status: Suspended")).toBeVisible();
    await expect(page.getByText(publicReason)).toBeVisible();
    const atom = await (await page.request.get("/open-data/decisions.atom")).text();
    expect(XMLValidator.validate(atom)).toBe(true);
    expect(atom).toContain(publicReason);
    expect(atom).not.toContain(internalReason);
    expect(atom).not.toContain("<img");
  });
});
