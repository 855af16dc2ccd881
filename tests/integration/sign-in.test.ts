// Sign-in against a real database (both back ends): one message for a wrong email or password,
// deactivated accounts refused, and the sign-in lock (issue 17 finding 2, ASVS 2.2.1): counted per
// email across addresses and per address across emails, so that concurrent guesses cannot all be
// checked, a new X-Forwarded-For value gives no fresh tries, and password spraying is slowed; the
// client's address read under the proxy trust policy (lib/web/request-context.ts) and stored in the
// audit log only when it is an IP address.
// First: it installs the AsyncLocalStorage global that Next's modules expect when they load.
import { inRequest } from "../helpers/request-context";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { signInAction } from "@/app/login/actions";
import type { ActionResult } from "@/lib/web/action-result";
import { writeAudit } from "@/lib/audit";
import { authOptions } from "@/lib/auth/options";
import { verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";
import type * as Passwords from "@/lib/auth/password";
import { ACCOUNT_DEACTIVATED, INCORRECT_CREDENTIALS, signIn } from "@/lib/auth/sign-in";
import { db } from "@/lib/db";
import { ADDRESS_RULE, EMAIL_RULE } from "@/lib/domain/sign-in-lock";
import { runDueJobs } from "@/lib/jobs/run-jobs";
import { PEER_ADDRESS_HEADER, recordPeerAddresses } from "@/lib/web/request-context";
import { createStaff, resetDatabase, TEST_PASSWORD } from "../helpers/database";

// Every password check, counted (argon2 is the cost a guess has to pay).
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const actual = await importOriginal<typeof Passwords>();
  return { ...actual, verifyPassword: vi.fn(actual.verifyPassword), verifyAgainstDummy: vi.fn(actual.verifyAgainstDummy) };
});

const MINUTE = 60 * 1000;
const T0 = new Date("2026-12-03T09:00:00.000Z");
const LOCKED = /^Too many failed attempts to sign in\. For your security, sign-in is locked until \d{2}:\d{2} (GMT|BST); try again then\.$/;

/** How many passwords were checked since the test began. */
function checks(): number {
  return vi.mocked(verifyPassword).mock.calls.length + vi.mocked(verifyAgainstDummy).mock.calls.length;
}

function messageOf(result: Awaited<ReturnType<typeof signIn>>): string {
  return result.ok ? "signed in" : result.message;
}

/** A clock the test moves on. */
function testClock(start = T0) {
  let now = start;
  return { clock: () => now, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

beforeAll(() => {
  // As the server does at start (instrumentation.ts): PEER_ADDRESS_HEADER is then the socket's address.
  recordPeerAddresses();
});

beforeEach(async () => {
  vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
  vi.stubEnv("TRUSTED_PROXY_HOPS", "0");
  vi.mocked(verifyPassword).mockClear();
  vi.mocked(verifyAgainstDummy).mockClear();
  await resetDatabase();
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("signIn", () => {
  it("signs in with the right password, whatever the case of the email", async () => {
    const user = await createStaff({ email: "olivia@example.test" });
    const result = await signIn("  Olivia@Example.TEST ", TEST_PASSWORD, "203.0.113.5");
    expect(result).toMatchObject({ ok: true, user: { id: user.id, role: "STAFF" } });
    expect(await db.auditLog.count({ where: { action: "auth.sign-in", actorId: user.id } })).toBe(1);
  });

  it("says the same thing for an unknown email and a wrong password, and audits both", async () => {
    await createStaff({ email: "known@example.test" });
    const unknown = await signIn("nobody@example.test", TEST_PASSWORD, null);
    const wrong = await signIn("known@example.test", "not the password", null);
    expect(unknown).toEqual({ ok: false, message: INCORRECT_CREDENTIALS });
    expect(wrong).toEqual({ ok: false, message: INCORRECT_CREDENTIALS });
    expect(await db.auditLog.count({ where: { action: "auth.sign-in-failed" } })).toBe(2);
  });

  it("refuses a deactivated account, even with the right password", async () => {
    await createStaff({ email: "gone@example.test", active: false });
    expect(await signIn("gone@example.test", TEST_PASSWORD, null)).toEqual({ ok: false, message: ACCOUNT_DEACTIVATED });
    expect(await signIn("gone@example.test", "wrong password", null)).toEqual({ ok: false, message: INCORRECT_CREDENTIALS });
  });
});

describe("the sign-in lock", () => {
  it("locks an email after five failures from any mix of addresses, with the time it ends and its zone", async () => {
    await createStaff({ email: "target@example.test" });
    for (let attempt = 0; attempt < EMAIL_RULE.limit; attempt += 1) {
      expect(await signIn("target@example.test", `guess ${attempt}`, `198.51.100.${attempt + 1}`)).toEqual({ ok: false, message: INCORRECT_CREDENTIALS });
    }
    const before = checks();
    // The right password, from an address that never failed: still locked, and not even checked.
    const locked = await signIn("target@example.test", TEST_PASSWORD, "192.0.2.10");
    expect(messageOf(locked)).toMatch(LOCKED);
    expect(checks()).toBe(before);
    expect(await db.auditLog.count({ where: { action: "auth.sign-in-locked" } })).toBe(1);
  });

  it("checks at most five of 40 concurrent wrong passwords for one email", async () => {
    await createStaff({ email: "raced@example.test" });
    const results = await Promise.all(Array.from({ length: 40 }, (_, index) => signIn("raced@example.test", `guess ${index}`, "198.51.100.40")));
    expect(checks()).toBe(EMAIL_RULE.limit);
    expect(results.filter((result) => messageOf(result) === INCORRECT_CREDENTIALS)).toHaveLength(EMAIL_RULE.limit);
    expect(results.filter((result) => LOCKED.test(messageOf(result)))).toHaveLength(40 - EMAIL_RULE.limit);
    expect(await db.auditLog.count({ where: { action: "auth.sign-in-failed" } })).toBe(EMAIL_RULE.limit);
    // Nothing is left holding a place.
    expect(await db.signInCounter.aggregate({ _sum: { pending: true } })).toEqual({ _sum: { pending: 0 } });
  });

  it("lets concurrent sign-ins with the right password all through (they wait for each other, none is refused)", async () => {
    await createStaff({ email: "busy@example.test" });
    const results = await Promise.all(Array.from({ length: 12 }, () => signIn("busy@example.test", TEST_PASSWORD, "127.0.0.1")));
    expect(results.map(messageOf)).toEqual(Array<string>(12).fill("signed in"));
  });

  it("keeps the right password waiting until the lock ends; each failure after it doubles the lock", async () => {
    await createStaff({ email: "patient@example.test" });
    const { clock, advance } = testClock();
    for (let attempt = 0; attempt < EMAIL_RULE.limit; attempt += 1) await signIn("patient@example.test", `guess ${attempt}`, "198.51.100.9", { clock });
    advance(30 * 1000);
    expect(messageOf(await signIn("patient@example.test", TEST_PASSWORD, "198.51.100.9", { clock }))).toMatch(LOCKED);
    // A minute after the fifth failure the lock has ended: one more try, and it is wrong.
    advance(31 * 1000);
    expect(messageOf(await signIn("patient@example.test", "guess again", "198.51.100.9", { clock }))).toBe(INCORRECT_CREDENTIALS);
    // Now two minutes.
    advance(MINUTE + 59 * 1000);
    expect(messageOf(await signIn("patient@example.test", TEST_PASSWORD, "198.51.100.9", { clock }))).toMatch(LOCKED);
    advance(2 * 1000);
    expect(messageOf(await signIn("patient@example.test", TEST_PASSWORD, "198.51.100.9", { clock }))).toBe("signed in");
    // The right password clears the account's failures.
    expect(messageOf(await signIn("patient@example.test", "one slip", "198.51.100.9", { clock }))).toBe(INCORRECT_CREDENTIALS);
    expect(messageOf(await signIn("patient@example.test", TEST_PASSWORD, "198.51.100.9", { clock }))).toBe("signed in");
  });

  it("slows password spraying: 30 emails from one address, 20 checked, then paused for that address only", async () => {
    const { clock, advance } = testClock();
    const sprayer = "203.0.113.66";
    const results = [];
    for (let index = 0; index < 30; index += 1) results.push(messageOf(await signIn(`resident${index}@example.test`, "Summer2026!", sprayer, { clock })));
    expect(results.slice(0, ADDRESS_RULE.limit)).toEqual(Array<string>(ADDRESS_RULE.limit).fill(INCORRECT_CREDENTIALS));
    for (const message of results.slice(ADDRESS_RULE.limit)) expect(message).toMatch(LOCKED);
    expect(checks()).toBe(ADDRESS_RULE.limit);
    // Someone else, elsewhere, is not affected; the same address is again after the fifteen minutes.
    await createStaff({ email: "colleague@example.test" });
    expect(messageOf(await signIn("colleague@example.test", TEST_PASSWORD, "192.0.2.77", { clock }))).toBe("signed in");
    expect(messageOf(await signIn("colleague@example.test", TEST_PASSWORD, sprayer, { clock }))).toMatch(LOCKED);
    advance(15 * MINUTE);
    expect(messageOf(await signIn("colleague@example.test", TEST_PASSWORD, sprayer, { clock }))).toBe("signed in");
  });

  it("counts an IPv6 client by its /64 network, which one subscriber holds", async () => {
    const results = [];
    for (let index = 0; index < ADDRESS_RULE.limit + 1; index += 1) results.push(messageOf(await signIn(`v6-${index}@example.test`, "guess", `2001:db8:1:2::${(index + 1).toString(16)}`)));
    expect(results.at(-1)).toMatch(LOCKED);
  });

  it("forgets counters nobody has used for a day (jobs)", async () => {
    await signIn("someone@example.test", "guess", "198.51.100.3");
    expect(await db.signInCounter.count()).toBe(2);
    expect((await runDueJobs({ transport: null, now: new Date(Date.now() + 25 * 60 * MINUTE) })).signInCounters).toEqual({ deleted: 2 });
  });
});

// ---------------------------------------------------------------------------------------------
// Through the sign-in form and NextAuth's credentials route: the client's address comes from
// lib/web/request-context.ts. PEER_ADDRESS_HEADER is what the server writes from the socket.

function form(email: string, password: string): FormData {
  const data = new FormData();
  data.set("email", email);
  data.set("password", password);
  data.set("callbackUrl", "/dashboard");
  return data;
}

/** The sign-in form's action, posted with these request headers: its message, or "signed in" (it redirects). */
async function postSignIn(headers: Record<string, string>, email: string, password: string): Promise<string> {
  try {
    const { value } = await inRequest({ headers, path: "/login" }, () => signInAction({ status: "idle" } as ActionResult, form(email, password)));
    return value.status === "error" ? (value.formError ?? JSON.stringify(value.fieldErrors)) : value.status;
  } catch (error) {
    if (String((error as { digest?: unknown }).digest ?? "").startsWith("NEXT_REDIRECT")) return "signed in";
    throw error;
  }
}

async function auditedAddresses(action: string): Promise<(string | null)[]> {
  return (await db.auditLog.findMany({ where: { action }, select: { ip: true }, orderBy: { createdAt: "asc" } })).map((row) => row.ip);
}

describe("the client's address (lib/web/request-context.ts)", () => {
  it("default policy: the socket's address; a new X-Forwarded-For value gives no fresh tries", async () => {
    await createStaff({ email: "forwarded@example.test" });
    for (let attempt = 0; attempt < EMAIL_RULE.limit; attempt += 1) {
      const headers = { [PEER_ADDRESS_HEADER]: "198.51.100.7", "x-forwarded-for": `203.0.113.${attempt + 1}` };
      expect(await postSignIn(headers, "forwarded@example.test", `guess ${attempt}`)).toBe(INCORRECT_CREDENTIALS);
    }
    expect(await postSignIn({ [PEER_ADDRESS_HEADER]: "198.51.100.7", "x-forwarded-for": "203.0.113.99" }, "forwarded@example.test", TEST_PASSWORD)).toMatch(LOCKED);
    expect(await auditedAddresses("auth.sign-in-failed")).toEqual(Array<string>(EMAIL_RULE.limit).fill("198.51.100.7"));
  });

  it("TRUSTED_PROXY_HOPS=1: the right-most X-Forwarded-For entry (what our proxy appended), not the client's own", async () => {
    vi.stubEnv("TRUSTED_PROXY_HOPS", "1");
    await createStaff({ email: "proxied@example.test" });
    // The client sends its own X-Forwarded-For, new each time; nginx appends the address it saw.
    for (let attempt = 0; attempt < EMAIL_RULE.limit; attempt += 1) {
      const headers = { [PEER_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": `192.0.2.${attempt + 1}, 203.0.113.50` };
      expect(await postSignIn(headers, "proxied@example.test", `guess ${attempt}`)).toBe(INCORRECT_CREDENTIALS);
    }
    expect(await auditedAddresses("auth.sign-in-failed")).toEqual(Array<string>(EMAIL_RULE.limit).fill("203.0.113.50"));
    expect(await postSignIn({ [PEER_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": "203.0.113.50" }, "proxied@example.test", TEST_PASSWORD)).toMatch(LOCKED);
  });

  it("stores no address that is not an IP address (a 15 KB header), whatever the policy", async () => {
    const huge = `${"9".repeat(15 * 1024)}`;
    vi.stubEnv("TRUSTED_PROXY_HOPS", "1");
    expect(await postSignIn({ [PEER_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": huge }, "nobody@example.test", "guess")).toBe(INCORRECT_CREDENTIALS);
    vi.stubEnv("TRUSTED_PROXY_HOPS", "0");
    expect(await postSignIn({ [PEER_ADDRESS_HEADER]: huge, "x-forwarded-for": huge }, "nobody@example.test", "guess")).toBe(INCORRECT_CREDENTIALS);
    await db.$transaction((tx) => writeAudit(tx, { action: "test.raw-address", ip: huge }));
    expect(await auditedAddresses("auth.sign-in-failed")).toEqual([null, null]);
    expect(await auditedAddresses("test.raw-address")).toEqual([null]);
    expect(await db.auditLog.count({ where: { ip: { not: null } } })).toBe(0);
  });

  it("NextAuth's credentials route counts by the same address", async () => {
    await createStaff({ email: "route@example.test" });
    const provider = authOptions().providers[0] as unknown as { options: { authorize(credentials: Record<string, string>, request: unknown): Promise<unknown> } };
    const headers = { [PEER_ADDRESS_HEADER]: "198.51.100.8", "x-forwarded-for": "203.0.113.1" };
    await expect(inRequest({ headers, path: "/api/auth/callback/credentials" }, () => provider.options.authorize({ email: "route@example.test", password: "guess" }, { headers }))).rejects.toThrow(
      INCORRECT_CREDENTIALS,
    );
    expect(await auditedAddresses("auth.sign-in-failed")).toEqual(["198.51.100.8"]);
  });
});
