// Sessions end on the server (issue 17, finding 3; ASVS 3.3.1, 3.3.2), on both databases: a copy
// of the cookie taken before signing out opens nothing afterwards; a session ends SESSION_HOURS
// after sign-in however often its cookie is re-issued (the clock is injected: Date only, so the
// database's own clock plays no part); a change of role, password or active state ends the
// user's sessions; the jobs remove expired session rows.
// First: it installs the AsyncLocalStorage global that Next's modules expect when they load.
import { inRequest } from "../helpers/request-context";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { decode, encode, type JWT } from "next-auth/jwt";
import { signOut } from "@/app/actions";
import { GET as nextAuthGet, POST as nextAuthPost } from "@/app/api/auth/[...nextauth]/route";
import { changeRole, resetPassword, setUserActive } from "@/lib/admin/users";
import { authOptions, sessionCookieName } from "@/lib/auth/options";
import { getCurrentUser, startSession } from "@/lib/auth/session";
import { createSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { readServerEnv } from "@/lib/config/env";
import { runDueJobs } from "@/lib/jobs/run-jobs";
import { createAdmin, createStaff, resetDatabase, type TestUser } from "../helpers/database";

const ORIGIN = "http://localhost:3000";
const HOUR = 60 * 60 * 1000;
const T0 = new Date("2026-12-03T09:00:00.000Z");

type Cookies = Record<string, string>;

beforeEach(async () => {
  vi.stubEnv("NEXTAUTH_URL", ORIGIN);
  vi.stubEnv("SESSION_HOURS", "8");
  // Refused cookies are logged as warnings: expected here.
  vi.spyOn(console, "warn").mockImplementation(() => undefined);
  await resetDatabase();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

/** Moves the clock the app reads (Date only: timers and the database keep running normally). */
function setClock(at: Date): void {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(at);
}

/** Signs the user in as the /login form does; returns the cookies the browser then holds. */
async function signIn(user: TestUser): Promise<Cookies> {
  const record = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { id: true, email: true, name: true, role: true, sessionVersion: true } });
  const { setCookies } = await inRequest({}, () => startSession(record));
  expect(setCookies[sessionCookieName()]).toBeTruthy();
  return setCookies;
}

/** Who a page would see with these cookies. */
async function userWith(cookies: Cookies) {
  return (await inRequest({ cookies }, () => getCurrentUser())).value;
}

/** NextAuth's own route, as a browser or a script calls it. */
async function nextAuth(method: "GET" | "POST", action: string, cookies: Cookies, form?: Record<string, string>) {
  const url = `${ORIGIN}/api/auth/${action}`;
  const request = new NextRequest(url, {
    method,
    headers: form ? { "content-type": "application/x-www-form-urlencoded" } : {},
    body: form ? new URLSearchParams(form).toString() : undefined,
  });
  const handler = method === "GET" ? nextAuthGet : nextAuthPost;
  const { value } = await inRequest({ cookies, path: url }, async () => {
    const response = await handler(request, { params: Promise.resolve({ nextauth: [action] }) });
    return { status: response.status, text: await response.text(), setCookies: response.headers.getSetCookie() };
  });
  return value;
}

/** GET /api/auth/session: what it answers, and the session cookie it sets (if any). */
async function sessionRoute(cookies: Cookies) {
  const response = await nextAuth("GET", "session", cookies);
  const sessionCookie = response.setCookies.find((line) => line.startsWith(`${sessionCookieName()}=`));
  return { status: response.status, body: JSON.parse(response.text) as { user?: { email?: string }; expires?: string }, sessionCookie };
}

/** The signOut server action (the header's "Sign out" button): the cookies it sets, and where it redirects. */
async function signOutWith(cookies: Cookies) {
  const { value, setCookies } = await inRequest({ cookies }, async () => {
    try {
      await signOut();
      return "no redirect";
    } catch (error) {
      const digest = (error as { digest?: unknown }).digest;
      if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return digest.split(";")[2];
      throw error;
    }
  });
  return { redirectedTo: value, setCookies };
}

async function claimsOf(cookies: Cookies): Promise<JWT> {
  const claims = await decode({ token: cookies[sessionCookieName()]!, secret: readServerEnv().NEXTAUTH_SECRET });
  if (!claims) throw new Error("no claims");
  return claims;
}

describe("signing out", () => {
  it("ends the session on the server: a copy of the cookie taken before opens nothing afterwards", async () => {
    const staff = await createStaff();
    const cookies = await signIn(staff);
    const copied = { ...cookies };
    const elsewhere = await signIn(staff);
    expect((await userWith(cookies))?.id).toBe(staff.id);
    expect((await sessionRoute(copied)).body.user?.email).toBe(staff.email);

    const { redirectedTo, setCookies } = await signOutWith(cookies);
    expect(redirectedTo).toBe("/login?done=signed-out");
    expect(setCookies[sessionCookieName()]).toBe("");

    expect(await userWith(copied)).toBeNull();
    const route = await sessionRoute(copied);
    expect(route.body).toEqual({});
    // NextAuth's route clears the ended session's cookie rather than sealing it again.
    expect(route.sessionCookie).toMatch(new RegExp(`^${sessionCookieName()}=;`));
    expect(await db.auditLog.count({ where: { action: "auth.sign-out", actorId: staff.id } })).toBe(1);
    // Only that session: the same user signed in on another device stays signed in.
    expect((await userWith(elsewhere))?.id).toBe(staff.id);
  });

  it("through NextAuth's own sign-out route ends the session too", async () => {
    const staff = await createStaff();
    const cookies = await signIn(staff);
    const csrf = await nextAuth("GET", "csrf", {});
    const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string };
    const csrfCookie = csrf.setCookies.map((line) => line.split(";")[0]!).find((pair) => pair.startsWith("next-auth.csrf-token="))!;
    const [csrfName, ...csrfValue] = csrfCookie.split("=");
    const response = await nextAuth("POST", "signout", { ...cookies, [csrfName!]: csrfValue.join("=") }, { csrfToken, callbackUrl: `${ORIGIN}/login` });
    expect(response.status).toBe(302);
    expect(await userWith(cookies)).toBeNull();
    expect(await db.userSession.count({ where: { userId: staff.id } })).toBe(0);
  });

  it("refuses a cookie that names no session (one sealed before sessions had rows)", async () => {
    const staff = await createStaff();
    const { sid: _sid, authTime: _authTime, exp: _exp, iat: _iat, jti: _jti, ...withoutSession } = await claimsOf(await signIn(staff));
    const token = await encode({ token: withoutSession, secret: readServerEnv().NEXTAUTH_SECRET, maxAge: HOUR / 1000 });
    expect(await userWith({ [sessionCookieName()]: token })).toBeNull();
  });
});

describe("a session's absolute lifetime (SESSION_HOURS, 8 here)", () => {
  it("reading the session through NextAuth's route neither re-issues the cookie nor moves its end", async () => {
    const staff = await createStaff();
    setClock(T0);
    const cookies = await signIn(staff);
    setClock(new Date(T0.getTime() + 7 * HOUR));
    const route = await sessionRoute(cookies);
    expect(route.status).toBe(200);
    expect(route.body.user?.email).toBe(staff.email);
    expect(route.body.expires).toBe(new Date(T0.getTime() + 8 * HOUR).toISOString());
    expect(route.sessionCookie, "a session cookie re-issued with a new expiry").toBeUndefined();
  });

  it("ends 8 hours after sign-in, even for a cookie sealed again later with a fresh expiry", async () => {
    const staff = await createStaff();
    const secret = readServerEnv().NEXTAUTH_SECRET;
    setClock(T0);
    const cookies = await signIn(staff);
    const { exp: _exp, iat: _iat, jti: _jti, ...claims } = await claimsOf(cookies);

    // Seven hours on, the same claims sealed for another 8 hours, as NextAuth's session route did on every read.
    setClock(new Date(T0.getTime() + 7 * HOUR));
    const resealed = { [sessionCookieName()]: await encode({ token: claims, secret, maxAge: 8 * 60 * 60 }) };
    // NextAuth's own sealing (authOptions().jwt.encode) no longer reaches past the session's end.
    const sealedByNextAuth = await authOptions().jwt!.encode!({ token: claims, secret, maxAge: 8 * 60 * 60 });
    expect((await decode({ token: sealedByNextAuth, secret }))?.exp).toBe(T0.getTime() / 1000 + 8 * 60 * 60);

    setClock(new Date(T0.getTime() + 8 * HOUR - 60_000));
    expect((await userWith(resealed))?.id).toBe(staff.id);
    expect((await userWith(cookies))?.id).toBe(staff.id);

    setClock(new Date(T0.getTime() + 8 * HOUR + 60_000));
    expect(await userWith(resealed)).toBeNull();
    expect(await userWith(cookies)).toBeNull();
    expect((await sessionRoute(resealed)).body).toEqual({});
  });

  it("expired session rows are removed by the jobs, and by the user's next sign-in", async () => {
    const staff = await createStaff();
    const other = await createStaff();
    await createSession(staff.id, T0);
    await createSession(other.id, T0);
    const later = await createSession(other.id, new Date(T0.getTime() + 5 * HOUR));

    const report = await runDueJobs({ transport: null, now: new Date(T0.getTime() + 8 * HOUR + 60_000) });
    expect(report.errors).toEqual([]);
    expect(report.sessions).toEqual({ deleted: 2 });
    expect(await db.userSession.findMany({ select: { id: true } })).toEqual([{ id: later.id }]);

    await createSession(other.id, new Date(T0.getTime() + 14 * HOUR));
    expect(await db.userSession.count({ where: { id: later.id } })).toBe(0);
  });
});

describe("a change made by an admin ends the user's sessions", () => {
  it("a role change: the user's sessions on every device end, the admin's does not", async () => {
    const admin = await createAdmin();
    const staff = await createStaff();
    const adminCookies = await signIn(admin);
    const laptop = await signIn(staff);
    const phone = await signIn(staff);
    expect((await userWith(laptop))?.role).toBe("STAFF");

    expect((await changeRole(staff.id, "COUNCILLOR", admin)).changed).toBe(true);
    expect(await userWith(laptop)).toBeNull();
    expect(await userWith(phone)).toBeNull();
    expect((await sessionRoute(phone)).body).toEqual({});
    expect((await userWith(adminCookies))?.id).toBe(admin.id);
    // Signing in again gives a session with the new role.
    expect((await userWith(await signIn(staff)))?.role).toBe("COUNCILLOR");
  });

  it("deactivation and a password reset", async () => {
    const admin = await createAdmin();
    const staff = await createStaff();
    const beforeReset = await signIn(staff);
    await resetPassword(staff.id, "a brand new password", admin);
    expect(await userWith(beforeReset)).toBeNull();

    const beforeDeactivation = await signIn(staff);
    await setUserActive(staff.id, false, admin);
    expect(await userWith(beforeDeactivation)).toBeNull();
    await setUserActive(staff.id, true, admin);
    expect(await userWith(beforeDeactivation)).toBeNull();
    expect(await db.userSession.count({ where: { userId: staff.id } })).toBe(0);
  });
});
