import { defineConfig, devices } from "@playwright/test";
import { readDatabaseConfig } from "./lib/db/config";
import { CHROMIUM_ARGS, chromiumPath } from "./scripts/lib/chromium";
import { E2E_PORT } from "./scripts/lib/e2e-accounts";

// End-to-end tests in Debian's Chromium (CHROMIUM_PATH overrides /usr/bin/chromium) against a
// production build on port 3100. The web server (scripts/e2e-server.ts) starts from a fresh
// PGlite folder, or uses DATABASE_URL when it is a PostgreSQL URL: migrate → seed → build if
// the sources changed → next start.
const port = Number(process.env.E2E_PORT ?? E2E_PORT);
const baseURL = `http://localhost:${port}`;
const ON_POSTGRES = readDatabaseConfig(process.env).kind === "postgres";

/**
 * Journeys that change what every other journey sees (council settings such as the quorum, the
 * demo accounts' choices, counts of proposals awaiting a decision, a load of concurrent writes):
 * they run one at a time, before the others. Every other journey makes its own uniquely named data
 * and runs two at a time, one browser per core, against the one server.
 */
const SHARED_STATE_JOURNEYS = [
  "administration.spec.ts",
  "call-in.spec.ts",
  "agreement-lifecycle.spec.ts",
  "cluster.spec.ts",
  "dashboard.spec.ts",
  "load.spec.ts",
  "notifications.spec.ts",
  // Turns on "Only with the council account" for a while: no officer signs in with a password then.
  "sso.spec.ts",
];

/**
 * Read-only checks that neither change nor depend on what other journeys see: the bad-input sweeps
 * (thousands of GET requests with hostile addresses, no 5xx whatever the data, in parts of a few
 * seconds each) and the accessibility check of each public page. They run first, beside the
 * shared-state journeys (which run first, one at a time), filling the worker those leave free and
 * then both; the other journeys follow on both. (After the others, the shared-state journeys left a
 * worker idle at the end of the run.) What they test is the same on both databases (how the server
 * parses addresses — what the database makes of hostile ids and filters is tested on both by
 * tests/integration/hostile-reads.test.ts —, and markup), so each runs once per CI run: the signed-in
 * sweeps on the embedded database; the signed-out sweeps and the public pages' accessibility on the
 * server (where the single sign-on journey refuses officers' passwords for a while).
 */
const READ_ONLY_CHECKS = ["bad-input.spec.ts", "accessibility.spec.ts"];
const READ_ONLY_HERE = ON_POSTGRES ? /@sweep-signed-out|@axe-signed-out/ : /@sweep-signed-in/;
/** Tagged read-only checks run in the "read-only" project of one run or the other, never with the journeys. */
const READ_ONLY_TAGS = /@sweep-|@axe-signed-out/;

/**
 * The suite runs twice in CI: on the embedded database, then against a PostgreSQL server. PGlite is
 * the same PostgreSQL engine, so the second run is for what a server changes: a pool of connections
 * and real concurrency, several server processes and the change signal between them, the server's
 * own clock, sessions and sign-in counters kept there. These journeys check what it does not change
 * (markup, words and languages, who may do what — the policy table is code —, how requests and
 * addresses are parsed, the browser harness) or walk one feature's form whose operation the
 * integration suite already proves on PostgreSQL: they run once, on the embedded database.
 */
const EMBEDDED_ONLY = [
  "accessibility.spec.ts",
  "administration.spec.ts",
  "annual-report.spec.ts",
  "amendments.spec.ts",
  "approval-card.spec.ts",
  "bad-input.spec.ts",
  "browser-problems.spec.ts",
  "call-in.spec.ts",
  "cancel-delete.spec.ts",
  "contacts-confirmation.spec.ts",
  "dashboard.spec.ts",
  "documents.spec.ts",
  "data-protection.spec.ts",
  "decision-notices.spec.ts",
  "escaping.spec.ts",
  "public-record.spec.ts",
  "languages.spec.ts",
  "languages-account.spec.ts",
  "languages-admin.spec.ts",
  "languages-staff.spec.ts",
  "languages-validation.spec.ts",
  "partner-confirmation.spec.ts",
  "partner-feeds.spec.ts",
  "request-limits.spec.ts",
  "returned-proposals.spec.ts",
  "reviews.spec.ts",
  "translations.spec.ts",
];
/**
 * Journeys about what a PostgreSQL server changes most: sessions and sign-in counters kept in the
 * database and checked on every request (signing in and out, locks, password changes ending other
 * sessions, two-step and single sign-on, every action refusing a deactivated user's session), the
 * import's one large transaction, and the exchange and event logs' writes. They run once, on the
 * server: on the embedded database the integration suite proves the same operations, and every other
 * journey signs in through /login and writes through the same forms there.
 */
const SESSION_AND_WRITE_JOURNEYS = ["account-security.spec.ts", "auth.spec.ts", "authorization.spec.ts", "exchanges-events.spec.ts", "import-export.spec.ts", "sso.spec.ts", "two-step.spec.ts"];
/**
 * Journeys that check what neither database changes (the agreement forms, the response headers,
 * the chain's status page), what only a server can get wrong (the public listing updated at once
 * across processes after a decision), or that walk what a server's concurrency tests hardest (a
 * proposal's approval and its lock, the outbox's claims; the integration suite proves the same
 * operations on the embedded database):
 * once, on the server, the embedded run being the fuller (each run under five minutes). The
 * approval card, documents and returned proposals tried here took two to four times as long on the
 * server: they stay embedded. The administration journey (the council's settings row, which the
 * load test races on the server) runs one at a time with the shared-state journeys of the embedded
 * run, so that each run's shared-state journeys take about as long as the read-only checks beside
 * them.
 */
const ONCE_ON_THE_SERVER = [
  "agreement-forms.spec.ts",
  "agreement-lifecycle.spec.ts",
  "decision-chain.spec.ts",
  "notifications.spec.ts",
  "public-listing.spec.ts",
  "security-headers.spec.ts",
];
/** Several server processes share one database only on a PostgreSQL server; the load test measures its pool. */
const POSTGRES_ONLY = ["cluster.spec.ts", "load.spec.ts", ...SESSION_AND_WRITE_JOURNEYS, ...ONCE_ON_THE_SERVER];
const NOT_ON_THIS_DATABASE = ON_POSTGRES ? EMBEDDED_ONLY : POSTGRES_ONLY;

export default defineConfig({
  testDir: "e2e",
  // Per port, so suites run side by side on other ports never delete each other's traces.
  outputDir: `test-results/${port}`,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : [["list"]],
  use: {
    ...devices["Desktop Chrome"],
    baseURL,
    locale: "en-GB",
    timezoneId: "Europe/London",
    // In CI a failed test runs again, traced: recording every first attempt cost a tenth of the suite's time.
    trace: process.env.CI ? "on-first-retry" : "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
  },
  projects: [
    // The first phase: the shared-state journeys, first in the list so the first handed out (their
    // chain is the longest), one at a time, and the read-only checks on whichever worker is free.
    { name: "shared state", testMatch: SHARED_STATE_JOURNEYS, testIgnore: NOT_ON_THIS_DATABASE, workers: 1 },
    { name: "read-only", testMatch: READ_ONLY_CHECKS, grep: READ_ONLY_HERE, fullyParallel: true },
    // The second: every other journey, two at a time.
    { name: "chromium", testIgnore: [...SHARED_STATE_JOURNEYS, ...NOT_ON_THIS_DATABASE], grepInvert: READ_ONLY_TAGS, fullyParallel: true, dependencies: ["shared state", "read-only"] },
  ],
  webServer: [
    {
      command: "node_modules/.bin/tsx scripts/e2e-server.ts",
      url: `${baseURL}/login`,
      // Migrations (~20 s with the engine's idle time), seed, and a production build if needed.
      timeout: 600_000,
      // E2E_REUSE_SERVER=1: a server already answering on the port is used as it is (scripts/demo-footprint.ts
      // runs the suite against `npm run demo`); otherwise a fresh one always.
      reuseExistingServer: process.env.E2E_REUSE_SERVER === "1",
      stdout: "pipe",
      stderr: "pipe",
      env: { NEXT_TELEMETRY_DISABLED: "1", E2E_PORT: String(port) },
    },
    {
      // The council's OpenID provider for the single sign-on journey (scripts/lib/test-oidc-provider.ts),
      // 1000 above the app's port; it starts in a second or two, while the app builds.
      command: "node_modules/.bin/tsx scripts/test-oidc-provider.ts",
      url: `http://localhost:${port + 1000}/.well-known/openid-configuration`,
      timeout: 60_000,
      reuseExistingServer: process.env.E2E_REUSE_SERVER === "1",
      stdout: "pipe",
      stderr: "pipe",
      env: { E2E_PORT: String(port) },
    },
  ],
});
