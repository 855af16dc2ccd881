// Load and faults (issue #8, part 5), against the production server on PostgreSQL: 20 clients for
// 10 seconds, ten officers logging exchanges (and now and then drafting and submitting a proposal)
// and ten councillors voting on the two oldest open proposals with a quorum of 3 — so votes race
// for the same proposals, many arrive after the quorum closed one, and some are sent twice (a retry).
// Every write goes through the real server action over HTTP and carries a unique marker. At the
// end the test reads the database itself: every accepted write is there exactly once, nothing
// refused or failed is, no response was a 500 or an unexpected error, every closed proposal has
// exactly its quorum, and the decision chain verifies (npm run verify-decisions and /admin/audit).
// Skipped on the embedded database: its one connection serialises everything, so there is no race.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import type { PlaywrightWorkerArgs } from "@playwright/test";
import pg from "pg";
import { expect, test, uniqueEmail, DEMO_ACCOUNTS, DEMO_PASSWORD } from "./fixtures";
import { callServerAction, loadServerActions, serverAction, signInRequest, type ActionCall } from "./server-actions";

const DATABASE_URL = process.env.DATABASE_URL ?? "";
// 10 s: twenty seconds doubled the writes and the races, and were the longest part of the PostgreSQL
// run's journeys that run one at a time.
const DURATION_MS = 10_000;
const OFFICERS = 10;
const COUNCILLORS = 10;
const QUORUM = 3;
const PASSWORD = "load-test-password-2026";


type Client = Awaited<ReturnType<typeof newClient>>;
type Failure = { client: string; what: string; status: number; detail: string };
type Settings = { councilName: string; approvalsNeeded: number; dormancyMonths: number; openDataLicence: string; reminderDays: number; twoStepRequiredFor: string };

async function newClient(playwright: PlaywrightWorkerArgs["playwright"], name: string, email: string, password: string) {
  const request = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  await signInRequest(request, email, password);
  return { name, email, request };
}

async function query<Row extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<Row>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

const UNEXPECTED = "Something went wrong on our side";

test("20 clients log exchanges and vote for 10 s: every accepted write is stored once, no 500s, the chain verifies", async ({ playwright }) => {
  test.setTimeout(300_000);
  const run = randomBytes(4).toString("hex");
  const actions = loadServerActions();
  const logExchange = serverAction(actions, "app/exchanges/new/actions.ts#createExchangeAction");
  const createAgreement = serverAction(actions, "app/agreements/new/actions.ts#createAgreementAction");
  const command = serverAction(actions, "app/agreements/[id]/actions.ts#agreementCommandAction");
  const vote = serverAction(actions, "app/approvals/actions.ts#voteAction");
  const createUser = serverAction(actions, "app/admin/users/actions.ts#createUserAction");
  const updateSettings = serverAction(actions, "app/admin/settings/actions.ts#updateSettingsAction");
  const setActive = serverAction(actions, "app/admin/users/actions.ts#setActiveAction");

  const failures: Failure[] = [];
  /** A write is accepted when the action redirects to its success page; refused when it answers a form error; anything else fails the test. */
  function outcome(client: Client, what: string, call: ActionCall, success: RegExp): "accepted" | "refused" | "failed" {
    if (call.status < 400 && call.redirect && success.test(call.redirect)) return "accepted";
    const formError = call.result?.formError ?? "";
    if (call.status < 500 && call.result?.status === "error" && formError && !formError.startsWith(UNEXPECTED)) return "refused";
    failures.push({ client: client.name, what, status: call.status, detail: formError || call.redirect || call.body.slice(0, 300) });
    return "failed";
  }

  // Setup: a quorum of 3, eight more councillors, and everyone signed in.
  const admin = await newClient(playwright, "admin", DEMO_ACCOUNTS.ADMIN.email, DEMO_PASSWORD);
  const [saved] = await query<Settings>(`SELECT "councilName", "approvalsNeeded", "dormancyMonths", "openDataLicence", "reminderDays", "twoStepRequiredFor"::text FROM "CouncilSettings" WHERE id = 1`);
  const original: Settings = saved ?? { councilName: "Twinning Office", approvalsNeeded: 1, dormancyMonths: 24, openDataLicence: "Open Government Licence v3.0", reminderDays: 7, twoStepRequiredFor: "NOBODY" };
  const setQuorum = async (approvalsNeeded: number) => {
    const call = await callServerAction(admin.request, updateSettings, { ...original, approvalsNeeded: String(approvalsNeeded) });
    expect(call.result, JSON.stringify(call.result)).toMatchObject({ status: "success" });
  };
  const councillorEmails: string[] = [DEMO_ACCOUNTS.COUNCILLOR.email, DEMO_ACCOUNTS.COUNCILLOR2.email];
  try {
    for (let i = councillorEmails.length; i < COUNCILLORS; i++) {
      const email = uniqueEmail(`load-councillor-${i}`);
      const call = await callServerAction(admin.request, createUser, { name: `Cllr Load ${run} ${i}`, email, role: "COUNCILLOR", password: PASSWORD });
      expect(call.redirect, JSON.stringify(call.result)).toMatch(/done=created/);
      councillorEmails.push(email);
    }
    // Once there are councillors enough for it: the quorum cannot exceed the active councillors.
    await setQuorum(QUORUM);
    const officers = await Promise.all(Array.from({ length: OFFICERS }, (_, i) => newClient(playwright, `officer ${i}`, DEMO_ACCOUNTS.STAFF.email, DEMO_PASSWORD)));
    const councillors = await Promise.all(councillorEmails.map((email, i) => newClient(playwright, `councillor ${i}`, email, i < 2 ? DEMO_PASSWORD : PASSWORD)));
    const ids = new Map((await query<{ id: string; email: string }>(`SELECT id, email FROM "User" WHERE email = ANY($1)`, [councillorEmails])).map((row) => [row.email, row.id]));
    const activeAgreements = (await query<{ id: string }>(`SELECT id FROM "Agreement" WHERE status = 'ACTIVE' ORDER BY id`)).map((row) => row.id);
    expect(activeAgreements.length).toBeGreaterThan(0);

    // What was accepted, by marker.
    const exchanges = new Set<string>();
    const submitted = new Set<string>(); // agreement ids
    const votes = new Set<string>(); // voteKey "proposalId:councillorId"
    const open = new Map<string, Set<string>>(); // proposal → councillors who voted on it
    const counts = { exchanges: 0, proposals: 0, votes: 0, refused: 0, retries: 0, late: 0 };

    async function propose(client: Client, label: string): Promise<void> {
      const created = await callServerAction(client.request, createAgreement, {
        partnerName: `Loadtown ${run} ${label}`,
        country: "DE",
        localityKind: "TOWN",
        relationshipType: "FRIENDSHIP_CITY",
        purpose: "Load test proposal.",
        themes: ["CULTURE"],
      });
      if (outcome(client, "create a draft", created, /^\/agreements\/[0-9a-f-]{36}\?done=saved$/) !== "accepted") return;
      const agreementId = created.redirect!.split("/")[2]!.split("?")[0]!;
      const submit = await callServerAction(client.request, command, { agreementId, version: "1", command: "submit", reason: `Load ${run} ${label}` }, { page: `/agreements/${agreementId}` });
      if (outcome(client, "submit", submit, /\?done=submit$/) !== "accepted") return;
      submitted.add(agreementId);
      counts.proposals += 1;
      const [proposal] = await query<{ id: string }>(`SELECT id FROM "Proposal" WHERE "agreementId" = $1 AND state = 'OPEN'`, [agreementId]);
      open.set(proposal!.id, new Set());
    }

    // A pool of open proposals to start with.
    await Promise.all(officers.map((officer, i) => propose(officer, `seed ${i}`)));
    expect(open.size).toBe(OFFICERS);

    const deadline = Date.now() + DURATION_MS;
    const officerLoop = async (officer: Client, index: number) => {
      for (let n = 0; Date.now() < deadline; n++) {
        if (n % 6 === 5) {
          await propose(officer, `${index}-${n}`);
          continue;
        }
        const marker = `load ${run} ${index}-${n}`;
        const call = await callServerAction(officer.request, logExchange, {
          agreementId: activeAgreements[(index + n) % activeAgreements.length],
          kind: "CULTURAL",
          direction: "OUTBOUND",
          startDate: "2026-06-01",
          endDate: "2026-06-03",
          participantCount: "12",
          participantsDescription: "Load test choir",
          cost: "150.00",
          currency: "GBP",
          fundingSource: "COUNCIL_BUDGET",
          outcomes: marker,
          visibility: "INTERNAL",
        });
        const result = outcome(officer, "log an exchange", call, /^\/exchanges\?done=logged/);
        if (result === "accepted") {
          exchanges.add(marker);
          counts.exchanges += 1;
        } else if (result === "refused") counts.refused += 1;
      }
    };
    const councillorLoop = async (councillor: Client, index: number) => {
      const me = ids.get(councillor.email)!;
      for (let n = 0; Date.now() < deadline; n++) {
        const choices = [...open].filter(([, voters]) => !voters.has(me)).map(([id]) => id);
        if (choices.length === 0) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          continue;
        }
        // The two oldest open proposals: the councillors race for them.
        const proposalId = choices[(index + n) % Math.min(2, choices.length)]!;
        open.get(proposalId)?.add(me);
        const reject = n % 20 === 19;
        const input = { proposalId, decision: reject ? "reject" : "approve", reason: reject ? `Load ${run}: not now` : "" };
        const call = await callServerAction(councillor.request, vote, input);
        const result = outcome(councillor, "vote", call, /^\/approvals\?done=(open|approved|rejected|rejected-to-draft)$/);
        if (result === "accepted") {
          votes.add(`${proposalId}:${me}`);
          counts.votes += 1;
          if (!call.redirect!.endsWith("done=open")) open.delete(proposalId);
        } else if (result === "refused") {
          counts.refused += 1;
          if (/already been decided/.test(call.result?.formError ?? "")) {
            counts.late += 1;
            open.delete(proposalId);
          }
        }
        // Now and then the same vote again, as a double click or a retry would: never counted twice.
        if (n % 10 === 3) {
          counts.retries += 1;
          const again = await callServerAction(councillor.request, vote, input);
          expect(outcome(councillor, "vote again", again, /^\/approvals\?done=/), `${councillor.name} voted twice on ${proposalId}`).not.toBe("accepted");
          counts.refused += 1;
        }
      }
    };
    await Promise.all([...officers.map(officerLoop), ...councillors.map(councillorLoop)]);
    console.log(`[load] ${run}: ${counts.exchanges} exchanges, ${counts.proposals} proposals, ${counts.votes} votes accepted; ${counts.refused} refused (${counts.retries} repeated votes, ${counts.late} after the proposal closed) in ${DURATION_MS / 1000} s by ${OFFICERS + COUNCILLORS} clients`);

    expect(failures, "500s, unexpected errors or unexplained answers").toEqual([]);
    // Enough happened to mean something, even on a slow machine.
    expect(counts.exchanges).toBeGreaterThan(20);
    expect(counts.votes).toBeGreaterThan(10);

    // Every accepted exchange is stored exactly once, and nothing else carries this run's marker.
    const stored = await query<{ outcomes: string; n: number }>(`SELECT outcomes, count(*)::int AS n FROM "Exchange" WHERE outcomes LIKE $1 GROUP BY outcomes`, [`load ${run} %`]);
    expect(stored.filter((row) => row.n !== 1)).toEqual([]);
    expect(new Set(stored.map((row) => row.outcomes))).toEqual(exchanges);

    // Every accepted vote is one decision row, and no refused vote left one.
    const pool = [...submitted];
    const voteRows = await query<{ voteKey: string }>(`SELECT d."voteKey" FROM "Decision" d JOIN "Proposal" p ON p.id = d."proposalId" WHERE p."agreementId" = ANY($1) AND d.kind IN ('APPROVED', 'REJECTED')`, [pool]);
    expect(voteRows.length).toBe(votes.size);
    expect(new Set(voteRows.map((row) => row.voteKey))).toEqual(votes);

    // Each submission once; each proposal closed once, by its quorum or a rejection, never beyond it.
    const proposals = await query<{ state: string; approvals: number; rejections: number; submissions: number; statusChanges: number }>(
      `SELECT p.state::text AS state,
              count(*) FILTER (WHERE d.kind = 'APPROVED')::int AS approvals,
              count(*) FILTER (WHERE d.kind = 'REJECTED')::int AS rejections,
              count(*) FILTER (WHERE d.kind = 'SUBMITTED')::int AS submissions,
              count(*) FILTER (WHERE d.kind = 'STATUS_CHANGED')::int AS "statusChanges"
       FROM "Proposal" p JOIN "Decision" d ON d."proposalId" = p.id WHERE p."agreementId" = ANY($1) GROUP BY p.id, p.state`,
      [pool],
    );
    expect(proposals).toHaveLength(submitted.size);
    for (const proposal of proposals) {
      expect(proposal.submissions).toBe(1);
      expect(proposal.approvals).toBeLessThanOrEqual(QUORUM);
      expect(proposal.rejections).toBeLessThanOrEqual(1);
      if (proposal.state === "OPEN") expect([proposal.statusChanges, proposal.rejections, proposal.approvals < QUORUM]).toEqual([0, 0, true]);
      if (proposal.state === "APPROVED") expect([proposal.statusChanges, proposal.approvals, proposal.rejections]).toEqual([1, QUORUM, 0]);
      if (proposal.state === "REJECTED") expect([proposal.statusChanges, proposal.rejections, proposal.approvals < QUORUM]).toEqual([1, 1, true]);
    }

    // The decision chain verifies: with the command-line check and on the audit page.
    const [{ total }] = (await query<{ total: number }>(`SELECT count(*)::int AS total FROM "Decision"`)) as [{ total: number }];
    const { stdout } = await promisify(execFile)("node_modules/.bin/tsx", ["scripts/verify-decisions.ts"], { env: { ...process.env, DATABASE_URL } });
    expect(stdout).toContain(`${total.toLocaleString("en-GB")} decisions verified`);
    const audit = await (await admin.request.get("/admin/audit")).text();
    expect(audit.match(/<h2 id="decision-chain-heading"[^>]*>([^<]*)</)?.[1]).toBe("Decision record: verified");
  } finally {
    // Leave the council as the other journeys expect it: its quorum, and only the demo councillors active.
    await setQuorum(original.approvalsNeeded);
    const added = await query<{ id: string }>(`SELECT id FROM "User" WHERE email = ANY($1)`, [councillorEmails.slice(2)]);
    for (const { id } of added) {
      const call = await callServerAction(admin.request, setActive, { userId: id, active: "false" });
      expect.soft(call.redirect, JSON.stringify(call.result)).toMatch(/done=deactivated/);
    }
  }
});
