// Bad input for every server action (every export of app/**/actions.ts) and every route handler
// (app/**/route.ts), found on disk: a new action or route is picked up without a change here, and
// an action with no valid input below fails the suite until one is added.
//
// Each action runs as Next runs it (tests/helpers/request-context.ts), signed in with a real
// session cookie of a user the policy allows (ACTION_ACCESS); our database, session and policy
// code are the app's own. Each call must end in field errors or a clear message (never the
// generic "Something went wrong", never a throw, never console.error), and a refused call must
// leave the database fingerprint (row count and hash of every table) exactly as it was. Names in
// any script must be accepted and saved as typed.
//
// Four test files run it, each with a part of the actions (bad-input-agreement-page.test.ts,
// bad-input-agreement-forms.test.ts, bad-input-call-in.test.ts and bad-input.test.ts), so no one
// of them holds the run up.
// First: it installs the AsyncLocalStorage global that Next's modules expect when they load.
import { inRequest, revalidations } from "../helpers/request-context";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import type { Role } from "@/generated/prisma/enums";
import { applyCommand } from "@/lib/agreements/apply-command";
import { recordDecision } from "@/lib/agreements/record-decision";
import { recordDecisionSchema } from "@/lib/domain/validation/agreement";
import { startSession } from "@/lib/auth/session";
import { issueLink } from "@/lib/links/single-use-link";
import { answerConfirmation } from "@/lib/contacts/answer-confirmation";
import { requestPartnerConfirmation } from "@/lib/contacts/request-confirmation";
import { partnerAnswerSchema } from "@/lib/domain/validation/contacts";
import { db } from "@/lib/db";
import { createEvent } from "@/lib/events/create-event";
import { logExchange } from "@/lib/exchanges/log-exchange";
import { ACTION_ACCESS, can } from "@/lib/domain/permissions";
import {
  PEER_ADDRESS_HEADER,
  recordPeerAddresses,
} from "@/lib/web/request-context";
import { commandSchema } from "@/lib/domain/validation/agreement";
import { createEventSchema } from "@/lib/domain/validation/event";
import { createExchangeSchema } from "@/lib/domain/validation/exchange";
import {
  createAdmin,
  createAgreement,
  createCouncillor,
  createStaff,
  setApprovalsNeeded,
  TEST_PASSWORD,
  type TestAgreement,
  type TestUser,
} from "../helpers/database";
import {
  changedTables,
  databaseContains,
  fingerprint,
  tablesHolding,
  type Fingerprint,
} from "../helpers/fingerprint";
import { publishReport } from "@/lib/reports/publish-report";
import { ROOT } from "../helpers/migrations";

// Each test file that runs this suite mocks next/cache itself (vi.mock is hoisted per test file).

// ---------------------------------------------------------------------------------------------
// What is under test, from the file system

function sourceFiles(name: string): string[] {
  return (
    fs.readdirSync(path.join(ROOT, "app"), { recursive: true }) as string[]
  )
    .filter((file) => path.basename(file) === name)
    .map((file) => `app/${file.split(path.sep).join("/")}`)
    .sort();
}

type AnyAction = (previous: unknown, input: unknown) => Promise<unknown>;
type AnyRoute = (
  request: NextRequest,
  context: { params: Promise<Record<string, string | string[]>> },
) => Promise<Response> | Response;

const ACTIONS: { key: string; run: AnyAction }[] = [];
for (const file of sourceFiles("actions.ts")) {
  const exports = (await import(path.join(ROOT, file))) as Record<
    string,
    unknown
  >;
  for (const [name, value] of Object.entries(exports))
    if (typeof value === "function")
      ACTIONS.push({ key: `${file}#${name}`, run: value as AnyAction });
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const ROUTES: {
  file: string;
  method: (typeof METHODS)[number];
  run: AnyRoute;
}[] = [];
for (const file of sourceFiles("route.ts")) {
  const exports = (await import(path.join(ROOT, file))) as Record<
    string,
    unknown
  >;
  for (const method of METHODS)
    if (typeof exports[method] === "function")
      ROUTES.push({ file, method, run: exports[method] as AnyRoute });
}

// ---------------------------------------------------------------------------------------------
// The bad values

const MISSING = Symbol("missing");
const ONE_MB = "x".repeat(1024 * 1024);
const MARKER = "ZZinjectedZZ";

type Expect = "refuse" | "either";
/** "content": text a person might type; "format": numbers and dates, for fields that are not free text. */
type FieldCase = {
  label: string;
  value: unknown;
  expect: Expect;
  text?: boolean;
  only?: "text" | "format";
};

/**
 * Tried in the fields of every action ("only": in free-text fields, or in the others). "refuse":
 * must be refused whatever the field is; "either": refused cleanly, or accepted and saved as typed.
 */
const FIELD_CASES: FieldCase[] = [
  { label: "missing", value: MISSING, expect: "either" },
  { label: "a number", value: 42, expect: "either" },
  { label: "null", value: null, expect: "either" },
  { label: "an object", value: {}, expect: "either" },
  {
    label: "an object with its own toString",
    value: JSON.parse('{"toString":"x","valueOf":"y"}') as unknown,
    expect: "either",
  },
  { label: "an array", value: ["a", "b"], expect: "either" },
  { label: "empty", value: "", expect: "either" },
  { label: "whitespace", value: " \t \u00A0 ", expect: "either" },
  { label: "1 MB", value: ONE_MB, expect: "refuse" },
  { label: "a NUL character", value: "Kiel\u0000", expect: "refuse" },
  {
    label: "an escape sequence and a bell",
    value: "Kiel\u001b[31m\u0007",
    expect: "refuse",
  },
  {
    label: "a right-to-left override",
    value: "Kiel\u202Egpj.exe",
    expect: "refuse",
  },
  {
    label: "an HTML image",
    value: "<img src=x onerror=alert(1)>",
    expect: "either",
    text: true,
  },
  {
    label: "a script",
    only: "text",
    value: '"><script>alert(2)</script>',
    expect: "either",
    text: true,
  },
  {
    label: "SQL",
    value: `Robert'); DROP TABLE "Agreement";--`,
    expect: "either",
    text: true,
  },
  {
    label: "SQL OR",
    only: "text",
    value: "' OR '1'='1",
    expect: "either",
    text: true,
  },
  { label: "a negative number", only: "format", value: "-1", expect: "either" },
  { label: "a huge number", only: "format", value: "1e309", expect: "either" },
  { label: "NaN", only: "format", value: "NaN", expect: "either" },
  {
    label: "an impossible date",
    only: "format",
    value: "2026-02-30",
    expect: "either",
  },
  {
    label: "an impossible time",
    only: "format",
    value: "2026-02-30T25:61",
    expect: "either",
  },
  {
    label: "emoji",
    only: "text",
    value: "Twin towns 🤝🏽 👩‍👩‍👧 🇺🇦",
    expect: "either",
    text: true,
  },
  {
    label: "combining characters",
    only: "text",
    value: "Cafe\u0301 Zoe\u0308",
    expect: "either",
    text: true,
  },
];

/** Must be accepted in every name and free-text field, and saved as typed (NFC). */
const NAMES = [
  "São Tomé",
  "Łódź",
  "友好城市",
  "Twin 🤝 Town",
  "Cafe\u0301 Zoe\u0308",
];

/** The whole input replaced (a script can post anything). */
const PAYLOAD_CASES: {
  label: string;
  value: (valid: Record<string, unknown>) => unknown;
}[] = [
  { label: "no input", value: () => undefined },
  { label: "null", value: () => null },
  { label: "a string", value: () => "partnerName=Kiel" },
  { label: "a number", value: () => 42 },
  { label: "an array", value: (valid) => [valid] },
  { label: "an empty object", value: () => ({}) },
  { label: "an empty form", value: () => new FormData() },
  {
    label: "a __proto__ key",
    value: (valid) => ({
      ...valid,
      ...(JSON.parse('{"__proto__":{"polluted":"yes"}}') as object),
    }),
  },
  {
    label: "extra fields",
    value: (valid) => ({
      ...valid,
      status: "ACTIVE",
      role: "ADMIN",
      active: "true",
      sessionVersion: 99,
      createdById: MARKER,
      passwordHash: MARKER,
      version: valid.version ?? 99,
      notes: MARKER,
      [MARKER]: MARKER,
    }),
  },
];

// ---------------------------------------------------------------------------------------------
// A valid input per action; the cases change one field of it at a time

type Context = {
  /** Signs in with the sign-in action: no other action changes this account. */
  signer: TestUser;
  staff: TestUser;
  councillor: TestUser;
  admin: TestUser;
  target: TestUser;
  active: TestAgreement;
  draft: TestAgreement;
  exchangeId: string;
  eventId: string;
};

type Fixture = {
  /** A fresh valid input (read again before each case: versions move on). */
  valid: (context: Context) => Promise<Record<string, unknown>>;
  /** Free-text fields saved as typed: names and HTML must round-trip into the database. */
  text?: string[];
  /** Fields where any character is allowed, with the reason. */
  anyCharacter?: Record<string, string>;
  /** Tables a refused call may still write, with the reason. */
  refusalWrites?: { tables: string[]; why: string };
  /** Posted as a form (the action reads FormData only). */
  form?: boolean;
  /** valid() writes rows (a fresh record per case): fingerprint after it. */
  writes?: boolean;
  /**
   * Who calls it, signed in afresh for each case, instead of the shared visitor of its role: for an
   * action that ends its caller's other sessions (and so the shared visitor's). Needs `writes`.
   */
  visitor?: () => Promise<Visitor>;
};

let sequence = 0;
const next = () => (sequence += 1);

const agreementInput = (name: string) => ({
  partnerName: name,
  country: "FR",
  region: "Hauts-de-France",
  localityKind: "TOWN",
  relationshipType: "TWIN_TOWN",
  title: "",
  purpose: "Friendship and school exchanges.",
  themes: ["CULTURE", "EDUCATION"],
  linkBegan: "1986-05-01",
  formalisedOn: "1987-06-01",
  reviewDate: "",
  publicSummary: "A link between two market towns.",
  internalNotes: "Mayor keen.",
  latitude: "50.1",
  longitude: "3.4",
  population: "2000",
  website: "https://example.org",
  partnerDecisionDate: "1986-04-01",
  partnerDecisionReference: "Conseil 1986/12",
  localName: "Lille",
  localNameLanguage: "fr",
});

const AGREEMENT_TEXT = [
  "partnerName",
  "region",
  "title",
  "purpose",
  "publicSummary",
  "internalNotes",
  "partnerDecisionReference",
  "localName",
];

const exchangeInput = (agreementId: string) => ({
  agreementId,
  kind: "CULTURAL",
  direction: "INBOUND",
  startDate: "2025-03-01",
  endDate: "2025-03-05",
  participantCount: "12",
  participantsDescription: "The town choir",
  cost: "1200.50",
  currency: "GBP",
  fundingSource: "COUNCIL_BUDGET",
  purpose: "A choir's return visit.",
  outcomes: "Two concerts.",
  visibility: "PUBLIC",
});

const eventInput = (agreementId: string) => ({
  title: "Twinning festival",
  kind: "FESTIVAL",
  startsAt: "2027-05-08T19:00",
  endsAt: "2027-05-08T22:00",
  timeZone: "Europe/London",
  place: "Town hall",
  description: "Music and food from both towns.",
  visibility: "PUBLIC",
  agreementId,
});

const contactInput = (agreementId: string) => ({
  agreementId,
  contactId: "",
  name: "Ingrid Petersen",
  organisation: "Landeshauptstadt Kiel",
  role: "Partnerschaftsbüro",
  email: `contact-${next()}@kiel.test`,
  phone: "+49 431 901-0",
  preferredLanguage: "de",
  contactNotes: "Prefers calls in the morning.",
});

async function newContact(agreementId: string): Promise<string> {
  const contact = await db.contact.create({ data: { agreementId, name: "Ingrid Petersen", email: `contact-${next()}@kiel.test`, preferredLanguage: "de" }, select: { id: true } });
  return contact.id;
}

/** A stored document on the agreement (its bytes a file of its own, so removing it removes them). */
async function newDocument(agreementId: string): Promise<string> {
  const sha256 = next().toString(16).padStart(64, "0");
  await db.storedFile.create({ data: { sha256, size: 5 } });
  // The bytes in SQL: Prisma's PGlite adapter hands a Bytes value to PGlite in a shape its bytea serializer refuses.
  await db.$executeRaw`INSERT INTO "StoredFileChunk" ("sha256", "part", "bytes") VALUES (${sha256}, 0, decode('255044462d', 'hex'))`;
  const document = await db.document.create({ data: { agreementId, sha256, title: "Charter", type: "CHARTER", fileName: "charter.pdf", mediaType: "application/pdf", size: 5 }, select: { id: true } });
  return document.id;
}

/** A live confirmation link for the agreement, sent to a new contact: its token as the partner's email carries it. */
async function confirmationToken(agreementId: string, staff: TestUser): Promise<string> {
  const { requestId } = await requestPartnerConfirmation({ agreementId, contactId: await newContact(agreementId) }, staff);
  const message = await db.outboxMessage.findFirstOrThrow({ where: { dedupeKey: `partner-confirmation:${requestId}` }, select: { textBody: true } });
  return /\/confirm\/([A-Za-z0-9_-]{43})/.exec(message.textBody)![1]!;
}

const PASSWORD_ANY =
  "a password is hashed and never shown: any character may be in it";

/** An action that asks for the current password or a verification code (two-step verification on /account). */
const TWO_STEP_PROOF: Fixture = {
  valid: async () => ({ passwordOrCode: TEST_PASSWORD }),
  writes: true,
  visitor: async () => sessionOf(await createStaff()),
  anyCharacter: { passwordOrCode: PASSWORD_ANY },
  refusalWrites: {
    tables: ["AuditLog", "SignInCounter"],
    why: "a wrong password or code is audited and counts towards the sign-in lock",
  },
};

/**
 * Call-in (docs/decisions/023-call-in.md): a fresh officer's delegated suspension proposed by the
 * admin, recorded now by another officer under a 5-working-day period on that route, in `state`.
 */
async function waitingDecision(admin: TestUser, state: "AWAITING" | "CALLED_IN" | "REFERRED_TO_COUNCIL"): Promise<string> {
  await db.councilSettings.upsert({ where: { id: 1 }, update: { callInDays: 5, callInRoutes: ["OFFICER_DELEGATION"] }, create: { id: 1, callInDays: 5, callInRoutes: ["OFFICER_DELEGATION"] } });
  const agreement = await createAgreement({ status: "ACTIVE", createdBy: admin });
  const command = commandSchema.parse({ agreementId: agreement.id, version: agreement.version, command: "proposeSuspension", reason: "Dissolved.", publicReason: "Paused.", decisionRoute: "OFFICER_DELEGATION", delegation: "Scheme 4.2" });
  const { proposalId } = await applyCommand(command, admin);
  await recordDecision(recordDecisionSchema.parse({ proposalId, decision: "approve", reason: "" }), await createStaff());
  // The later states are set directly (the steps to them are the integration suite's, call-in.test.ts): a case each is cheap.
  if (state !== "AWAITING") await db.proposal.update({ where: { id: proposalId! }, data: { callIn: state } });
  return proposalId!;
}

const FIXTURES: Record<string, Fixture> = {
  "app/actions.ts#signOut": { valid: async () => ({}) },
  "app/login/actions.ts#signInAction": {
    valid: async ({ signer }) => ({
      email: signer.email,
      password: TEST_PASSWORD,
      callbackUrl: "/agreements",
    }),
    anyCharacter: {
      password: PASSWORD_ANY,
      callbackUrl:
        "a return address that is not a plain path on this site is ignored, not refused (safeReturnPath)",
    },
    refusalWrites: {
      tables: ["AuditLog", "SignInCounter"],
      why: "every failed sign-in is audited and counts towards the lock",
    },
  },
  "app/password-reset/actions.ts#requestPasswordResetAction": {
    // An email without an account: the same answer, and nothing sent to anyone.
    valid: async () => ({ email: `nobody-${next()}@test.example` }),
    refusalWrites: {
      tables: ["SignInCounter"],
      why: "every request for a reset link counts towards its throttle, as a sign-in does",
    },
  },
  "app/password-reset/actions.ts#resetPasswordAction": {
    valid: async () => {
      const owner = await createStaff();
      const { token } = await db.$transaction((tx) => issueLink(tx, "password-reset", owner.id, new Date()));
      return { token, newPassword: "a-long-enough-password-2026", confirmNewPassword: "a-long-enough-password-2026" };
    },
    writes: true,
    anyCharacter: {
      token: "a made-up token is refused as an unknown link, however it is written",
      newPassword: PASSWORD_ANY,
      confirmNewPassword: PASSWORD_ANY,
    },
  },
  "app/account/actions.ts#updatePreferencesAction": {
    valid: async () => ({ enabled: ["DECISION_REACHED", "WEEKLY_DIGEST"] }),
  },
  "app/account/actions.ts#updateLanguageAction": {
    valid: async () => ({ language: "cy" }),
  },
  "app/account/actions.ts#changePasswordAction": {
    valid: async () => ({
      currentPassword: TEST_PASSWORD,
      newPassword: TEST_PASSWORD,
      confirmNewPassword: TEST_PASSWORD,
    }),
    writes: true,
    visitor: async () => sessionOf(await createStaff()),
    anyCharacter: {
      currentPassword: PASSWORD_ANY,
      newPassword: PASSWORD_ANY,
      confirmNewPassword: PASSWORD_ANY,
    },
    refusalWrites: {
      tables: ["AuditLog", "SignInCounter"],
      why: "a wrong current password is audited and counts towards the sign-in lock",
    },
  },
  "app/admin/settings/actions.ts#updateSettingsAction": {
    valid: async () => ({
      councilName: "Coventry City Council",
      approvalsNeeded: "1",
      dormancyMonths: "24",
      openDataLicence: "Open Government Licence v3.0",
      reminderDays: "7",
      twoStepRequiredFor: "NOBODY",
    }),
    text: ["councilName", "openDataLicence"],
  },
  "app/admin/settings/actions.ts#updateStatementsAction": {
    valid: async () => ({
      contactAddress: "Twinning Office, Council House\nCoventry CV1 5RR",
      accessibilityStatement: "## Compliance status\n\nThis website is fully compliant.",
      privacyNotice: "",
    }),
    text: ["contactAddress", "accessibilityStatement", "privacyNotice"],
  },
  "app/reports/[year]/actions.ts#publishReportAction": {
    // A past year: publishing it again changes nothing and says so.
    valid: async () => ({ year: "2021" }),
  },
  "app/reports/[year]/actions.ts#withdrawReportAction": {
    // A year published afresh for each case, so there is something to withdraw.
    writes: true,
    valid: async ({ admin }) => {
      await publishReport({ year: 2019 }, admin);
      return { year: "2019" };
    },
  },
  "app/admin/users/actions.ts#createUserAction": {
    valid: async () => ({
      name: "Sam Lead",
      email: `new-user-${next()}@test.example`,
      role: "STAFF",
      password: "a-long-enough-password-2026",
    }),
    text: ["name"],
    anyCharacter: { password: PASSWORD_ANY },
  },
  "app/admin/users/actions.ts#changeRoleAction": {
    valid: async ({ target }) => ({ userId: target.id, role: "STAFF" }),
  },
  "app/admin/users/actions.ts#setActiveAction": {
    valid: async ({ target }) => ({ userId: target.id, active: "true" }),
  },
  "app/admin/users/actions.ts#setUserLanguageAction": {
    valid: async ({ target }) => ({ userId: target.id, language: "cy" }),
  },
  "app/admin/users/actions.ts#resetTwoStepAction": {
    valid: async ({ target }) => ({ userId: target.id }),
  },
  "app/admin/users/actions.ts#eraseUserAction": {
    // A fresh user per case: an erased one stays erased.
    valid: async () => ({ userId: (await createStaff()).id }),
    writes: true,
  },
  "app/admin/people/actions.ts#erasePersonAction": {
    // A fresh contact each time: an erased one is gone.
    writes: true,
    valid: async ({ active }) => {
      const contact = await db.contact.findUniqueOrThrow({ where: { id: await newContact(active.id) }, select: { email: true } });
      return { email: contact.email };
    },
  },
  "app/admin/users/actions.ts#removeSsoLinkAction": {
    valid: async ({ target }) => ({ userId: target.id }),
  },
  "app/account/actions.ts#startTwoStepAction": {
    valid: async () => ({ step: "start" }),
    writes: true,
    visitor: async () => sessionOf(await createStaff()),
  },
  "app/account/actions.ts#cancelTwoStepSetupAction": {
    valid: async () => ({ step: "cancel" }),
    writes: true,
    visitor: async () => sessionOf(await createStaff()),
  },
  "app/account/actions.ts#confirmTwoStepAction": {
    // No setup under way for a fresh user: any code is refused, as a wrong code is.
    valid: async () => ({ code: "123456" }),
    writes: true,
    visitor: async () => sessionOf(await createStaff()),
    anyCharacter: { code: "a code is compared, never stored: any character may be typed" },
    refusalWrites: {
      tables: ["AuditLog", "SignInCounter"],
      why: "a wrong verification code is audited and counts towards the sign-in lock",
    },
  },
  "app/account/actions.ts#renewRecoveryCodesAction": TWO_STEP_PROOF,
  "app/account/actions.ts#turnOffTwoStepAction": TWO_STEP_PROOF,
  "app/login/actions.ts#twoStepSignInAction": {
    // Without a pending sign-in (its cookie) any code is refused: sign in again.
    valid: async () => ({ code: "123456", callbackUrl: "/agreements" }),
    anyCharacter: {
      code: "a code is compared, never stored: any character may be typed",
      callbackUrl: "a return address that is not a plain path on this site is ignored, not refused (safeReturnPath)",
    },
  },
  "app/login/actions.ts#cancelTwoStepSignInAction": {
    valid: async () => ({ callbackUrl: "/agreements" }),
    anyCharacter: { callbackUrl: "a return address that is not a plain path on this site is ignored, not refused (safeReturnPath)" },
  },
  // Where single sign-on is not configured (as here) it cannot start: a clear refusal, no write.
  "app/login/actions.ts#ssoSignInAction": {
    valid: async () => ({ callbackUrl: "/agreements" }),
    anyCharacter: { callbackUrl: "a return address that is not a plain path on this site is ignored, not refused (safeReturnPath)" },
  },
  "app/admin/users/actions.ts#unlockSignInAction": {
    valid: async ({ target }) => ({ userId: target.id }),
  },
  "app/admin/users/actions.ts#resetPasswordAction": {
    valid: async ({ target }) => ({
      userId: target.id,
      newPassword: TEST_PASSWORD,
    }),
    anyCharacter: { newPassword: PASSWORD_ANY },
  },
  "app/agreements/new/actions.ts#createAgreementAction": {
    valid: async () => agreementInput(`Bad input town ${next()}`),
    text: AGREEMENT_TEXT,
  },
  "app/agreements/[id]/edit/actions.ts#updateAgreementAction": {
    valid: async ({ draft }) => {
      const current = await db.agreement.findUniqueOrThrow({
        where: { id: draft.id },
        select: { version: true },
      });
      return {
        ...agreementInput(`Edited town ${next()}`),
        country: "DE",
        id: draft.id,
        version: String(current.version),
      };
    },
    text: AGREEMENT_TEXT,
  },
  "app/agreements/[id]/actions.ts#saveTranslationAction": {
    valid: async ({ active }) => ({ agreementId: active.id, locale: "cy", publicSummary: "Cyswllt rhwng dwy dref farchnad.", publicReason: "" }),
    text: ["publicSummary"],
  },
  "app/agreements/[id]/actions.ts#recordReviewAction": {
    // A fresh Active agreement each time: a review moves its version on.
    writes: true,
    valid: async ({ staff }) => {
      const agreement = await createAgreement({ status: "ACTIVE", createdBy: staff });
      const nextReview = new Date();
      nextReview.setUTCFullYear(nextReview.getUTCFullYear() + 2);
      return {
        agreementId: agreement.id,
        version: String(agreement.version),
        outcome: "CONTINUE",
        reviewNotes: "Both councils keep the link; the schools want more visits.",
        nextReviewDate: nextReview.toISOString().slice(0, 10),
      };
    },
    text: ["reviewNotes"],
  },
  "app/agreements/[id]/actions.ts#proposeAmendmentAction": {
    // A fresh Active agreement each time: an amendment is a proposal, one open at a time.
    writes: true,
    valid: async ({ staff }) => {
      const agreement = await createAgreement({ status: "ACTIVE", createdBy: staff });
      return {
        agreementId: agreement.id,
        version: String(agreement.version),
        command: "proposeAmendment",
        relationshipType: "FRIENDSHIP_CITY",
        title: `Amended link ${next()}`,
        purpose: "Exchange and friendship.",
        themes: ["CULTURE", "SPORT"],
        publicSummary: "Friends since 1947.",
        formalisedOn: "1967-06-01",
        reason: "The twinning association asked for a new name.",
        reference: "",
        alternativesConsidered: "",
        conflictsOfInterest: "",
        backgroundPapers: "",
      };
    },
    text: ["reason"],
  },
  "app/agreements/[id]/correct/actions.ts#correctDetailsAction": {
    // A fresh Active agreement each time: a correction moves its version on.
    writes: true,
    valid: async ({ staff }) => {
      const agreement = await createAgreement({ status: "ACTIVE", createdBy: staff });
      return {
        agreementId: agreement.id,
        version: String(agreement.version),
        website: "www.kiel.de",
        latitude: "54.3233",
        longitude: "10.1228",
        population: "246,000",
        region: `Schleswig-Holstein ${next()}`,
        leadOfficerId: staff.id,
        internalNotes: "Call the Rathaus first.",
      };
    },
    text: ["region", "internalNotes"],
  },
  "app/agreements/[id]/contacts/actions.ts#saveContactAction": {
    valid: async ({ active }) => contactInput(active.id),
    text: ["name", "organisation", "role", "contactNotes"],
  },
  "app/agreements/[id]/contacts/actions.ts#removeContactAction": {
    // A fresh contact each time: a removed one is gone.
    writes: true,
    valid: async ({ active }) => ({ agreementId: active.id, contactId: await newContact(active.id) }),
  },
  "app/agreements/[id]/documents/actions.ts#removeDocumentAction": {
    // A fresh document each time: a removed one is gone.
    writes: true,
    valid: async ({ active }) => ({ agreementId: active.id, documentId: await newDocument(active.id) }),
  },
  "app/agreements/[id]/contacts/actions.ts#requestPartnerConfirmationAction": {
    writes: true,
    valid: async ({ active }) => ({ agreementId: active.id, contactId: await newContact(active.id) }),
  },
  "app/agreements/[id]/contacts/actions.ts#acceptPartnerAnswerAction": {
    // A fresh answer each time: an accepted one cannot be accepted again.
    writes: true,
    valid: async ({ staff }) => {
      const agreement = await createAgreement({ status: "ACTIVE", createdBy: staff });
      const token = await confirmationToken(agreement.id, staff);
      // An address of its own each time: every answer counts towards its address's throttle.
      const { answerId } = await answerConfirmation(partnerAnswerSchema.parse({ token, answer: "CONFIRMED", reference: "Ratsversammlung 2026/31" }), `2001:db8:${next().toString(16)}::1`);
      return { agreementId: agreement.id, answerId };
    },
  },
  "app/agreements/[id]/contacts/actions.ts#withdrawPartnerConfirmationAction": {
    // A fresh confirmed agreement each time: a withdrawn confirmation cannot be withdrawn again.
    writes: true,
    valid: async ({ staff }) => {
      const agreement = await createAgreement({ status: "ACTIVE", createdBy: staff });
      await db.agreement.update({ where: { id: agreement.id }, data: { partnerDecisionReference: "Ratsversammlung 2026/31" } });
      return { agreementId: agreement.id, reason: "Their council rescinded its vote." };
    },
    text: ["reason"],
  },
  "app/agreements/[id]/partner-feed/actions.ts#confirmFeedMatchAction": {
    // A fresh name match each time: a confirmed one cannot be confirmed again.
    writes: true,
    valid: async ({ staff }) => {
      const agreement = await createAgreement({ status: "ACTIVE", createdBy: staff });
      await db.partnerFeedCheck.create({ data: { partnerId: agreement.partnerId, feedUrl: "https://partner.example/feed.json", outcome: "LISTED_ACTIVE", listedStatus: "active", matchedBy: "name", matchedName: "Testford" } });
      return { agreementId: agreement.id, matchedName: "Testford" };
    },
  },
  "app/agreements/[id]/partner-feed/actions.ts#checkFeedNowAction": {
    // The partner has no feed address: nothing is fetched.
    valid: async ({ active }) => ({ agreementId: active.id }),
  },
  "app/confirm/[token]/actions.ts#answerConfirmationAction": {
    // A fresh link each time: an answered one is used up.
    writes: true,
    valid: async ({ staff, active }) => ({ token: await confirmationToken(active.id, staff), answer: "CONFIRMED", reference: "Ratsversammlung 2026/31" }),
    text: ["reference"],
    anyCharacter: { token: "a made-up token is a link that does not work: its page says so (a redirect there), however it is written" },
    refusalWrites: { tables: ["SignInCounter"], why: "every answer counts towards the throttle of its address and its link" },
  },
  "app/agreements/[id]/actions.ts#recordConfirmationAction": {
    // A fresh Active agreement each time: a confirmation moves its version on.
    writes: true,
    valid: async ({ staff }) => {
      const agreement = await createAgreement({ status: "ACTIVE", createdBy: staff });
      return {
        agreementId: agreement.id,
        version: String(agreement.version),
        partnerDecisionDate: "2026-03-12",
        partnerDecisionReference: "Ratsversammlung 2026/31",
        confirmationNote: "The mayor's letter of 14 March confirms the council's vote.",
      };
    },
    text: ["partnerDecisionReference", "confirmationNote"],
  },
  "app/agreements/[id]/actions.ts#agreementCommandAction": {
    // A fresh Active agreement each time: a proposal, once made, stays open.
    writes: true,
    valid: async ({ staff }) => {
      const agreement = await createAgreement({
        status: "ACTIVE",
        createdBy: staff,
      });
      return {
        agreementId: agreement.id,
        version: String(agreement.version),
        command: "proposeSuspension",
        reason: "The partner council was dissolved.",
        publicReason: "Paused while the partner council is re-formed.",
        reference: "Cabinet 2026/12",
        alternativesConsidered: "Keeping the link open.",
        conflictsOfInterest: "None.",
        backgroundPapers: "Report to Cabinet.",
      };
    },
    text: [
      "reason",
      "publicReason",
      "reference",
      "alternativesConsidered",
      "conflictsOfInterest",
      "backgroundPapers",
    ],
  },
  "app/approvals/actions.ts#voteAction": {
    // A fresh open proposal each time: a vote with a quorum of one closes it.
    writes: true,
    valid: async ({ staff }) => {
      const agreement = await createAgreement({
        status: "ACTIVE",
        createdBy: staff,
      });
      const command = commandSchema.parse({
        agreementId: agreement.id,
        version: agreement.version,
        command: "proposeSuspension",
        reason: "Dissolved.",
        publicReason: "Paused.",
      });
      const { proposalId } = await applyCommand(command, staff);
      return {
        proposalId,
        decision: "approve",
        reason: "Agreed in committee.",
        reference: "Cabinet 2026/13",
      };
    },
    text: ["reason", "reference"],
  },
  "app/agreements/[id]/actions.ts#recordDecisionAction": {
    // A fresh open proposal each time, decided at a meeting: the shared officer (not its proposer) records it.
    writes: true,
    valid: async ({ staff, signer }) => {
      const agreement = await createAgreement({ status: "ACTIVE", createdBy: staff });
      const command = commandSchema.parse({
        agreementId: agreement.id,
        version: agreement.version,
        command: "proposeSuspension",
        reason: "Dissolved.",
        publicReason: "Paused.",
        decisionRoute: "MEETING_RESOLUTION",
      });
      const { proposalId } = await applyCommand(command, signer);
      return {
        proposalId,
        decision: "approve",
        reason: "Resolved by Cabinet.",
        meetingName: "Cabinet",
        meetingDate: "2026-01-15",
        minuteReference: "Cabinet 2026/13",
        meetingUrl: "https://democracy.example.gov.uk/meeting/13",
      };
    },
    text: ["reason", "meetingName", "minuteReference"],
  },
  "app/agreements/[id]/call-in/actions.ts#callInAction": {
    // The shared councillor, a scrutiny member who took no part, calls in a fresh decision each time.
    writes: true,
    valid: async ({ admin, councillor }) => {
      await db.user.update({ where: { id: councillor.id }, data: { scrutinyMember: true } });
      return { proposalId: await waitingDecision(admin, "AWAITING"), reason: "The partner was not consulted." };
    },
    text: ["reason"],
  },
  "app/agreements/[id]/call-in/actions.ts#scrutinyOutcomeAction": {
    writes: true,
    valid: async ({ admin, councillor }) => {
      await db.user.update({ where: { id: councillor.id }, data: { scrutinyMember: true } });
      return { proposalId: await waitingDecision(admin, "CALLED_IN"), outcome: "NO_FURTHER_ACTION", reason: "The committee is satisfied.", reference: "Scrutiny 2026/4" };
    },
    text: ["reason", "reference"],
  },
  "app/agreements/[id]/call-in/actions.ts#answerReferralAction": {
    // Full council's resolution, recorded by the shared officer (not the proposer).
    writes: true,
    valid: async ({ admin }) => ({ proposalId: await waitingDecision(admin, "REFERRED_TO_COUNCIL"), answer: "confirm", reason: "Council resolved to pause the link.", meetingName: "Full Council", meetingDate: "2026-01-15", minuteReference: "Council 2026/2" }),
    text: ["reason", "meetingName", "minuteReference"],
  },
  "app/admin/settings/bank-holidays/actions.ts#addBankHolidayAction": {
    // A fresh date each time: a date already listed is refused.
    writes: true,
    valid: async () => ({ date: new Date(Date.UTC(2031, 0, 1) + next() * 86_400_000).toISOString().slice(0, 10), name: "Founders' Day" }),
    text: ["name"],
  },
  "app/admin/settings/bank-holidays/actions.ts#removeBankHolidayAction": {
    writes: true,
    valid: async () => {
      const date = new Date(Date.UTC(2032, 0, 1) + next() * 86_400_000);
      await db.bankHoliday.create({ data: { date, name: "To remove" } });
      return { date: date.toISOString().slice(0, 10) };
    },
  },
  "app/admin/users/scrutiny/actions.ts#setScrutinyMemberAction": {
    writes: true,
    valid: async () => ({ userId: (await createCouncillor()).id, scrutinyMember: "true" }),
  },
  "app/exchanges/new/actions.ts#createExchangeAction": {
    valid: async ({ active }) => exchangeInput(active.id),
    text: ["participantsDescription", "purpose", "outcomes"],
  },
  "app/exchanges/[id]/edit/actions.ts#updateExchangeAction": {
    valid: async ({ active, exchangeId }) => {
      const current = await db.exchange.findUniqueOrThrow({
        where: { id: exchangeId },
        select: { updatedAt: true },
      });
      return {
        ...exchangeInput(active.id),
        id: exchangeId,
        updatedAt: current.updatedAt.toISOString(),
      };
    },
    text: ["participantsDescription", "purpose", "outcomes"],
  },
  "app/events/new/actions.ts#createEventAction": {
    valid: async ({ active }) => eventInput(active.id),
    text: ["title", "place", "description"],
  },
  "app/events/[id]/edit/actions.ts#updateEventAction": {
    valid: async ({ active, eventId }) => {
      const current = await db.event.findUniqueOrThrow({
        where: { id: eventId },
        select: { updatedAt: true },
      });
      return {
        ...eventInput(active.id),
        id: eventId,
        updatedAt: current.updatedAt.toISOString(),
      };
    },
    text: ["title", "place", "description"],
  },
  // A fresh event or exchange each time: a cancelled event cannot be cancelled again, a deleted one is gone.
  "app/events/[id]/edit/actions.ts#cancelEventAction": {
    writes: true,
    valid: async ({ active, staff }) => {
      const event = await createEvent(createEventSchema.parse(eventInput(active.id)), staff);
      return { id: event.id, reason: "The hall flooded.", publicReason: "Postponed: a new date will follow." };
    },
    text: ["reason", "publicReason"],
  },
  "app/events/[id]/edit/actions.ts#deleteEventAction": {
    writes: true,
    valid: async ({ active, staff }) => {
      const event = await createEvent(createEventSchema.parse(eventInput(active.id)), staff);
      return { id: event.id, reason: "Logged twice by mistake." };
    },
  },
  "app/exchanges/[id]/edit/actions.ts#deleteExchangeAction": {
    writes: true,
    valid: async ({ active, staff }) => {
      const exchange = await logExchange(createExchangeSchema.parse(exchangeInput(active.id)), staff);
      return { id: exchange.id, reason: "Logged under the wrong agreement." };
    },
  },
};

// ---------------------------------------------------------------------------------------------
// Calling, and judging the outcome

type Outcome = {
  kind: "accepted" | "refused" | "unexpected";
  detail: string;
  fieldErrors?: Record<string, unknown>;
};

const GENERIC = "Something went wrong";

function toForm(input: Record<string, unknown>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(input)) {
    for (const item of Array.isArray(value) ? value : [value])
      form.append(
        key,
        typeof item === "string" ? item : (JSON.stringify(item) ?? ""),
      );
  }
  return form;
}

function judge(result: unknown): Outcome {
  const value = result as
    | {
        status?: string;
        formError?: string;
        message?: string;
        fieldErrors?: Record<string, unknown>;
        check?: { problemCount: number };
      }
    | undefined;
  switch (value?.status) {
    case "success":
    case "imported":
      return { kind: "accepted", detail: value.status };
    case "checked":
      return value.message || (value.check?.problemCount ?? 0) > 0
        ? { kind: "refused", detail: value.message ?? "problems in the file" }
        : { kind: "accepted", detail: "checked" };
    case "error":
    case "refused": {
      const message = value.formError ?? value.message ?? "";
      if (message.includes(GENERIC))
        return { kind: "unexpected", detail: message };
      if (!message && !Object.keys(value.fieldErrors ?? {}).length)
        return { kind: "unexpected", detail: "refused without a message" };
      return {
        kind: "refused",
        detail: message || JSON.stringify(value.fieldErrors).slice(0, 200),
        fieldErrors: value.fieldErrors,
      };
    }
    default:
      return {
        kind: "unexpected",
        detail: `an unknown result: ${JSON.stringify(result)?.slice(0, 200)}`,
      };
  }
}

type Visitor = {
  cookies: Record<string, string>;
  headers: Record<string, string>;
};

async function callAction(
  run: AnyAction,
  input: unknown,
  visitor: Visitor,
): Promise<Outcome> {
  try {
    const { value } = await inRequest(visitor, () =>
      run({ status: "idle" }, input),
    );
    return judge(value);
  } catch (error) {
    // redirect() after a successful action: Next answers 303 to the form.
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) {
      const location = digest.split(";")[2] ?? "";
      // Never off the site, and nothing a Location header cannot carry.
      if (
        !/^\/(?![/\\])[^\s\u0000-\u001F\u007F]*$/.test(location) ||
        location.length > 2000
      )
        return {
          kind: "unexpected",
          detail: `redirect to ${JSON.stringify(location.slice(0, 100))}`,
        };
      return { kind: "accepted", detail: `redirect to ${location}` };
    }
    return {
      kind: "unexpected",
      detail: `threw ${error instanceof Error ? `${error.name}: ${error.message.slice(0, 300)}` : String(error)}`,
    };
  }
}

const summary = {
  actions: 0,
  routes: 0,
  actionCases: 0,
  routeCases: 0,
  refused: 0,
  accepted: 0,
  namesSaved: 0,
  unexpected: 0,
  refusedWithDbChange: 0,
  consoleErrors: 0,
};

let context: Context;
const visitors = {} as Record<Role | "ANONYMOUS", Visitor>;
let ipSequence = 0;
/** A new client address per call (the socket's, as the server records it), so sign-in failures of one case never pause another's address. */
const withAddress = (visitor: Visitor): Visitor => ({
  ...visitor,
  headers: {
    ...visitor.headers,
    [PEER_ADDRESS_HEADER]: `10.7.${(ipSequence >> 8) & 255}.${ipSequence++ & 255}`,
  },
});

async function sessionOf(user: TestUser): Promise<Visitor> {
  const record = await db.user.findUniqueOrThrow({
    where: { id: user.id },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      sessionVersion: true,
    },
  });
  const { setCookies } = await inRequest({}, () => startSession(record));
  return { cookies: setCookies, headers: {} };
}

/**
 * Four files of about the same time, so no one of them is left running alone at the end of the
 * run: the agreement page's actions, the agreement forms with contacts and votes, call-in, and
 * everything else with the route handlers.
 */
export type BadInputPart = "agreement page" | "agreement forms and votes" | "call-in" | "the rest";

function partOf(actionKey: string): BadInputPart {
  if (/^app\/agreements\/\[id\]\/call-in\//.test(actionKey)) return "call-in";
  if (/^app\/agreements\/\[id\]\/(actions|documents)/.test(actionKey)) return "agreement page";
  return /^app\/(agreements|approvals)\//.test(actionKey) ? "agreement forms and votes" : "the rest";
}

export function defineBadInputSuite(part: BadInputPart): void {
  beforeAll(async () => {
    recordPeerAddresses();
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
    await setApprovalsNeeded(1);
    const [signer, staff, councillor, admin, target] = [
      await createStaff(),
      await createStaff(),
      await createCouncillor(),
      await createAdmin(),
      await createStaff(),
    ];
    const active = await createAgreement({
      status: "ACTIVE",
      createdBy: staff,
    });
    const draft = await createAgreement({ status: "DRAFT", createdBy: staff });
    const exchange = await logExchange(
      createExchangeSchema.parse(exchangeInput(active.id)),
      staff,
    );
    const event = await createEvent(
      createEventSchema.parse(eventInput(active.id)),
      staff,
    );
    context = {
      signer,
      staff,
      councillor,
      admin,
      target,
      active,
      draft,
      exchangeId: exchange.id,
      eventId: event.id,
    };
    visitors.ANONYMOUS = { cookies: {}, headers: {} };
    visitors.STAFF = await sessionOf(staff);
    visitors.COUNCILLOR = await sessionOf(councillor);
    visitors.ADMIN = await sessionOf(admin);
  });

  afterAll(() => {
    const s = summary;
    console.log(
      `bad-input summary (${part}): ${s.actions} actions, ${s.routes} route handlers, ${s.actionCases + s.routeCases} cases ` +
        `(${s.actionCases} action calls: ${s.refused} refused, ${s.accepted} accepted, of which ${s.namesSaved} names saved as typed; ${s.routeCases} route requests), ` +
        `${s.unexpected} unexpected errors or 500s, ${s.refusedWithDbChange} database changes on refused calls, ${s.consoleErrors} console errors`,
    );
  });

  function visitorFor(key: string): Visitor {
    const permission = ACTION_ACCESS[key];
    if (permission === "public") return visitors.ANONYMOUS;
    const role = (["STAFF", "COUNCILLOR", "ADMIN"] as const).find(
      (candidate) => permission && can({ role: candidate }, permission),
    );
    if (!role)
      throw new Error(
        `${key}: no role may call it (ACTION_ACCESS: ${String(permission)})`,
      );
    return visitors[role];
  }

  describe("server actions", () => {
    if (part === "the rest")
      it("every action found on disk has a policy entry and a valid input here", () => {
        expect(ACTIONS.length).toBeGreaterThanOrEqual(15);
        expect(
          ACTIONS.map((action) => action.key).filter(
            (key) => !(key in ACTION_ACCESS),
          ),
          "actions missing from ACTION_ACCESS",
        ).toEqual([]);
        expect(
          ACTIONS.map((action) => action.key).filter(
            (key) => !(key in FIXTURES),
          ),
          "actions with no valid input in FIXTURES (bad-input.test.ts)",
        ).toEqual([]);
      });

    for (const action of ACTIONS.filter(
      (candidate) => partOf(candidate.key) === part,
    )) {
      it(
        `${action.key}: bad input is refused cleanly and changes nothing; names are saved`,
        { timeout: 300_000 },
        async () => {
          const fixture = FIXTURES[action.key];
          if (!fixture) return; // reported by the test above
          summary.actions += 1;
          const problems: string[] = [];
          const errors = vi
            .spyOn(console, "error")
            .mockImplementation(() => undefined);
          let last: Fingerprint | undefined;
          // A call refused with nothing written leaves its valid input as valid as a fresh one (a
          // fresh record for a `writes` fixture): the next case reuses it, and a new one is made only
          // after a call that was accepted or wrote (most of the suite's time was making them).
          let unspent: Record<string, unknown> | undefined;
          const validInput = async () => ({ ...(unspent ??= await fixture!.valid(context)) });

          async function tryCase(
            label: string,
            input: unknown,
            expected: Expect | "accept",
            options: { field?: string; saved?: string; marker?: boolean } = {},
          ) {
            const visitor = withAddress(
              fixture!.visitor
                ? await fixture!.visitor()
                : visitorFor(action.key),
            );
            const payload =
              fixture!.form &&
              input &&
              typeof input === "object" &&
              !(input instanceof FormData) &&
              !Array.isArray(input)
                ? toForm(input as Record<string, unknown>)
                : input;
            errors.mockClear();
            revalidations.length = 0;
            // The last call's "after" is this call's "before", unless making the valid input wrote rows.
            const before =
              fixture!.writes || !last ? await fingerprint() : last;
            const outcome = await callAction(action.run, payload, visitor);
            last = await fingerprint();
            const changed = changedTables(before, last);
            if (outcome.kind !== "refused" || changed.length > 0) unspent = undefined;
            summary.actionCases += 1;
            const where = `${label}${options.field ? ` in ${options.field}` : ""}`;
            if (errors.mock.calls.length > 0) {
              summary.consoleErrors += 1;
              problems.push(
                `${where}: console.error(${String(errors.mock.calls[0]?.[1] ?? errors.mock.calls[0]?.[0]).slice(0, 300)})`,
              );
            }
            if (outcome.kind === "unexpected") {
              summary.unexpected += 1;
              problems.push(`${where}: ${outcome.detail}`);
              return;
            }
            if (outcome.kind === "refused") {
              summary.refused += 1;
              const allowed = fixture!.refusalWrites?.tables ?? [];
              const unexpectedWrites = changed.filter(
                (table) => !allowed.includes(table),
              );
              if (unexpectedWrites.length) {
                summary.refusedWithDbChange += 1;
                problems.push(
                  `${where}: refused (${outcome.detail.slice(0, 100)}) but changed ${unexpectedWrites.join(", ")}`,
                );
              }
              if (revalidations.length)
                problems.push(
                  `${where}: refused but revalidated ${revalidations.join(", ")}`,
                );
              if (expected === "accept")
                problems.push(
                  `${where}: refused (${outcome.detail.slice(0, 200)}), must be accepted`,
                );
              const field = options.field;
              if (field && !outcome.fieldErrors?.[field] && !outcome.detail)
                problems.push(`${where}: refused without naming ${field}`);
              return;
            }
            summary.accepted += 1;
            if (expected === "refuse")
              problems.push(
                `${where}: accepted (${outcome.detail}), must be refused`,
              );
            if (options.saved !== undefined) {
              const holders = await tablesHolding(options.saved, changed);
              if (holders.length === 0)
                problems.push(
                  `${where}: accepted but ${JSON.stringify(options.saved)} is not saved as typed (changed: ${changed.join(", ") || "nothing"})`,
                );
              else if (expected === "accept") summary.namesSaved += 1;
            }
            if (options.marker && (await databaseContains(MARKER)))
              problems.push(`${where}: an extra field reached the database`);
          }

          for (const payload of PAYLOAD_CASES)
            await tryCase(
              `payload: ${payload.label}`,
              payload.value(await validInput()),
              "either",
              { marker: payload.label === "extra fields" },
            );
          if (({} as Record<string, unknown>).polluted !== undefined)
            problems.push("Object.prototype was polluted");

          const fields = Object.keys(await validInput());
          for (const field of fields) {
            const isText = fixture.text?.includes(field) ?? false;
            for (const badCase of FIELD_CASES) {
              if (badCase.only && (badCase.only === "text") !== isText)
                continue;
              const input = await validInput();
              if (badCase.value === MISSING) delete input[field];
              else input[field] = badCase.value;
              const expectation = fixture.anyCharacter?.[field]
                ? "either"
                : badCase.expect;
              const saved =
                badCase.text && isText
                  ? (badCase.value as string).normalize("NFC")
                  : undefined;
              await tryCase(badCase.label, input, expectation, {
                field,
                saved,
              });
            }
          }
          for (const field of fixture.text ?? []) {
            for (const name of NAMES)
              await tryCase(
                `the name ${JSON.stringify(name)}`,
                { ...(await validInput()), [field]: name },
                "accept",
                { field, saved: name.normalize("NFC") },
              );
          }
          errors.mockRestore();
          expect(problems).toEqual([]);
        },
      );
    }
  });

  // ---------------------------------------------------------------------------------------------
  // Route handlers

  const QUERIES = [
    "",
    "?format=<script>alert(1)</script>",
    "?format=xlsx&q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
    "?q=%27%20OR%20%271%27%3D%271",
    "?q=%00%1B%E2%80%AE&country=%00",
    "?status=BOGUS&country=ZZ&type=[]&sort=;DROP%20TABLE%20x",
    `?q=${ONE_MB}`,
    "?page=-1&from=2026-02-30&to=9999-99-99",
    "?page=99999999999999999999&per=1e309",
    "?q=a&q=b&status=ACTIVE&status=DRAFT&format=csv&format=xlsx",
    "?q[]=x&q[a]=y&__proto__[polluted]=yes",
    "?%E0%A4%A=broken%ZZ&q=%",
    "?callbackUrl=javascript:alert(1)&error=%3Cscript%3E",
  ];

  /** Values for a route's dynamic segments ([...nextauth]); a POST tries those that take one. */
  const SEGMENTS: string[][] = [
    ["session"],
    ["csrf"],
    ["providers"],
    ["signin"],
    ["signout"],
    ["callback", "credentials"],
    ["<script>"],
    ["x".repeat(5000)],
    ["..", "..", "etc"],
  ];
  const POST_SEGMENTS: string[][] = [
    ["callback", "credentials"],
    ["signin", "credentials"],
    ["signout"],
    ["<script>"],
  ];

  const POST_BODIES: { label: string; body: BodyInit; type: string }[] = [
    {
      label: "an empty body",
      body: "",
      type: "application/x-www-form-urlencoded",
    },
    {
      label: "garbage",
      body: "\u0000\u0001%%%&&&==",
      type: "application/x-www-form-urlencoded",
    },
    {
      label: "JSON",
      body: '{"email":{"$ne":null},"password":[1]}',
      type: "application/json",
    },
    {
      label: "a 1 MB email",
      body: `email=${ONE_MB}&password=x&csrfToken=forged`,
      type: "application/x-www-form-urlencoded",
    },
    {
      label: "SQL",
      body: "email=%27%20OR%201%3D1--&password=%27%20OR%201%3D1--",
      type: "application/x-www-form-urlencoded",
    },
  ];

  function urlPath(file: string, segments: string[]): string {
    const route = file.replace(/^app/, "").replace(/\/route\.ts$/, "");
    return route
      .replace(/\[\.\.\.[^\]]+\]/, segments.map(encodeURIComponent).join("/"))
      .replace(/\[[^\]]+\]/g, encodeURIComponent(segments[0] ?? "x"));
  }

  function paramsFor(
    file: string,
    segments: string[],
  ): Record<string, string | string[]> {
    const params: Record<string, string | string[]> = {};
    for (const match of file.matchAll(/\[(\.\.\.)?([^\]]+)\]/g))
      params[match[2]!] = match[1] ? segments : (segments[0] ?? "x");
    return params;
  }

  if (part === "the rest")
    describe("route handlers", () => {
      it("route handlers are found on disk", () => {
        expect(ROUTES.length).toBeGreaterThanOrEqual(8);
      });

      for (const route of ROUTES) {
        it(
          `${route.method} ${route.file}: bad requests answer below 500 and change nothing`,
          { timeout: 300_000 },
          async () => {
            summary.routes += 1;
            const problems: string[] = [];
            const errors = vi
              .spyOn(console, "error")
              .mockImplementation(() => undefined);
            const dynamic = /\[/.test(route.file);
            const requests: {
              label: string;
              post?: (typeof POST_BODIES)[number];
              segments: string[];
              query: string;
            }[] = [];
            const post = route.method !== "GET";
            for (const segments of dynamic
              ? post
                ? POST_SEGMENTS
                : SEGMENTS
              : [[]]) {
              for (const query of dynamic
                ? QUERIES.slice(0, post ? 1 : 3)
                : QUERIES) {
                if (route.method === "GET")
                  requests.push({
                    label: `${segments.join("/").slice(0, 40)}${query.slice(0, 60)}`,
                    segments,
                    query,
                  });
                else
                  for (const body of POST_BODIES)
                    requests.push({
                      label: `${segments.join("/").slice(0, 40)}${query.slice(0, 40)} with ${body.label}`,
                      segments,
                      query,
                      post: body,
                    });
              }
            }
            for (const request of requests) {
              // Signed out, and signed in as staff (who may export): what a route shows depends on no other role.
              for (const [who, visitor] of [
                ["anonymous", visitors.ANONYMOUS],
                ["STAFF", visitors.STAFF],
              ] as const) {
                errors.mockClear();
                const before = await fingerprint();
                const url = `http://localhost:3000${urlPath(route.file, request.segments)}${request.query}`;
                let status: number;
                try {
                  const { value } = await inRequest(
                    { ...withAddress(visitor), path: url },
                    async () => {
                      const cookie = Object.entries(visitor.cookies)
                        .map(([name, value]) => `${name}=${value}`)
                        .join("; ");
                      const headers: Record<string, string> = request.post
                        ? { cookie, "content-type": request.post.type }
                        : { cookie };
                      const response = await route.run(
                        new NextRequest(url, {
                          method: route.method,
                          body: request.post?.body,
                          headers,
                        }),
                        {
                          params: Promise.resolve(
                            paramsFor(route.file, request.segments),
                          ),
                        },
                      );
                      await response.arrayBuffer();
                      return response.status;
                    },
                  );
                  status = value;
                } catch (error) {
                  const digest = (error as { digest?: unknown }).digest;
                  status =
                    typeof digest === "string" &&
                    digest.startsWith("NEXT_REDIRECT")
                      ? 307
                      : 500;
                  if (status === 500)
                    problems.push(
                      `${who} ${request.label}: threw ${error instanceof Error ? error.message.slice(0, 200) : String(error)}`,
                    );
                }
                summary.routeCases += 1;
                const changed = changedTables(before, await fingerprint());
                // A sign-in attempt through NextAuth is audited like any other.
                const writes = changed.filter(
                  (table) => !(route.method === "POST" && table === "AuditLog"),
                );
                // /readyz answers 503 by design while the test database has no migration history.
                if (status >= 500 && !(status === 503 && route.file === "app/readyz/route.ts")) {
                  summary.unexpected += 1;
                  problems.push(`${who} ${request.label}: HTTP ${status}`);
                }
                if (writes.length) {
                  summary.refusedWithDbChange += 1;
                  problems.push(
                    `${who} ${request.label}: changed ${writes.join(", ")}`,
                  );
                }
                if (errors.mock.calls.length) {
                  summary.consoleErrors += 1;
                  problems.push(
                    `${who} ${request.label}: console.error(${String(errors.mock.calls[0]?.[0]).slice(0, 200)})`,
                  );
                }
              }
            }
            errors.mockRestore();
            expect(problems).toEqual([]);
          },
        );
      }
    });
}
