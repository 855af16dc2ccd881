// The session cookie's flags and lifetime, as the app issues and reads it: HttpOnly and
// SameSite=Lax always, Secure (with the __Host- name) when the site is served over HTTPS,
// and refused once older than SESSION_HOURS. (Its server-side row: tests/integration/sessions.test.ts.)
// First: it installs the AsyncLocalStorage global that Next's modules expect when they load.
import { inRequest } from "../helpers/request-context";
import { afterEach, describe, expect, it, vi } from "vitest";
import { decode, encode } from "next-auth/jwt";
import { authOptions, secureCookiesEnabled, sessionCookieName } from "@/lib/auth/options";
import { issueSessionCookie, readSessionClaims } from "@/lib/auth/session";
import { sessionEndsAt } from "@/lib/auth/sessions";
import { readServerEnv } from "@/lib/config/env";

const user = { id: "2f1d8a36-8f0e-4d61-9d3c-6d2f7f1c0a11", email: "officer@example.org", name: "Olivia Officer", role: "STAFF" as const, sessionVersion: 3 };

afterEach(() => {
  vi.unstubAllEnvs();
});

const SESSION_ID = "6f0c2d1e-3b4a-4c5d-8e9f-0a1b2c3d4e5f";

/** The cookie for a session that begins now (its row is the integration tests' business). */
async function issue() {
  const authTime = Math.floor(Date.now() / 1000);
  const { cookieAttributes } = await inRequest({}, () => issueSessionCookie(user, { id: SESSION_ID, authTime, endsAt: sessionEndsAt(authTime) }));
  expect(cookieAttributes).toHaveLength(1);
  return cookieAttributes[0]!;
}

describe("the session cookie", () => {
  it("over plain HTTP: HttpOnly, SameSite=Lax, not Secure (the browser would drop it), for SESSION_HOURS", async () => {
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3100");
    vi.stubEnv("SESSION_HOURS", "8");
    expect(secureCookiesEnabled()).toBe(false);
    expect(authOptions().useSecureCookies).toBe(false);
    const cookie = await issue();
    expect(cookie).toMatchObject({ name: "next-auth.session-token", httpOnly: true, sameSite: "lax", secure: false, path: "/", maxAge: 8 * 60 * 60 });
  });

  it("in production over HTTPS: Secure, path /, no Domain, with the __Host- name that NextAuth reads too", async () => {
    vi.stubEnv("NEXTAUTH_URL", "https://twinning.example.gov.uk");
    expect(secureCookiesEnabled()).toBe(true);
    expect(authOptions().useSecureCookies).toBe(true);
    expect(sessionCookieName()).toBe("__Host-next-auth.session-token");
    expect(authOptions().cookies?.sessionToken).toEqual({ name: "__Host-next-auth.session-token", options: { httpOnly: true, sameSite: "lax", path: "/", secure: true } });
    const cookie = await issue();
    expect(cookie).toMatchObject({ name: "__Host-next-auth.session-token", httpOnly: true, sameSite: "lax", secure: true, path: "/" });
    expect(cookie).not.toHaveProperty("domain");
  });

  it("lasts SESSION_HOURS, in the cookie and in the signed token, which name the session and when it began", async () => {
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3100");
    vi.stubEnv("SESSION_HOURS", "2");
    const cookie = await issue();
    expect(cookie.maxAge).toBe(2 * 60 * 60);
    expect(authOptions().session?.maxAge).toBe(2 * 60 * 60);
    const claims = await decode({ token: cookie.value, secret: readServerEnv().NEXTAUTH_SECRET });
    expect(Number(claims?.exp) - Math.floor(Date.now() / 1000)).toBeGreaterThan(2 * 60 * 60 - 60);
    expect(Number(claims?.exp) - Math.floor(Date.now() / 1000)).toBeLessThanOrEqual(2 * 60 * 60);
    expect(claims).toMatchObject({ sub: user.id, sid: SESSION_ID, authTime: expect.any(Number) as number });
    expect(Math.abs(Number(claims?.authTime) - Date.now() / 1000)).toBeLessThan(5);
  });

  it("is refused once its time is up, and a forged one is refused at once", async () => {
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3100");
    const secret = readServerEnv().NEXTAUTH_SECRET;
    const authTime = Math.floor(Date.now() / 1000);
    const claims = { sub: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion, sid: SESSION_ID, authTime };
    // Each refused token is logged as a warning (authOptions' logger), never as an error.
    const logged = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const errors = vi.spyOn(console, "error");
    const sessionWith = async (token: string) => (await inRequest({ cookies: { [sessionCookieName()]: token } }, readSessionClaims)).value;

    const fresh = await encode({ secret, maxAge: 60, token: claims });
    expect(await sessionWith(fresh)).toEqual({ userId: user.id, sessionId: SESSION_ID, authTime, sessionVersion: 3 });
    // Signed with the right key, but its exp is a minute ago (as a token 8 h and 1 min old).
    const expired = await encode({ secret, maxAge: -60, token: claims });
    expect(await sessionWith(expired)).toBeNull();
    const forged = await encode({ secret: "someone-else's-secret-0123456789", maxAge: 60, token: claims });
    expect(await sessionWith(forged)).toBeNull();
    expect(logged.mock.calls.map((call) => String(call[0]))).toEqual(Array(2).fill("[next-auth] A session cookie was refused (expired, signed out or not ours); treated as signed out."));
    expect(errors).not.toHaveBeenCalled();
    logged.mockRestore();
  });

  it("is read when NextAuth split it over several cookies (name.0, name.1, …)", async () => {
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3100");
    const token = await encode({ secret: readServerEnv().NEXTAUTH_SECRET, maxAge: 60, token: { sub: user.id, sessionVersion: 3, sid: SESSION_ID, authTime: 1 } });
    const half = Math.ceil(token.length / 2);
    // Listed out of order: the index, not the order of the header, puts them together.
    const cookies = { [`${sessionCookieName()}.1`]: token.slice(half), [`${sessionCookieName()}.0`]: token.slice(0, half) };
    expect((await inRequest({ cookies }, readSessionClaims)).value).toEqual({ userId: user.id, sessionId: SESSION_ID, authTime: 1, sessionVersion: 3 });
  });
});
