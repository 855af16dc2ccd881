// Single sign-on (issue 20 item 6), on both databases, against a real OpenID provider started here
// (oidc-provider, scripts/lib/test-oidc-provider.ts): the app's start, the provider's own sign-in
// page and the app's NextAuth callback, as a browser goes through them (tests/helpers/sso.ts).
// The binding rule: a first sign-in matches an active, unbound account by verified email and binds
// it to the provider's subject; from then on only the subject signs it in (nOAuth refused); no
// stranger, no unverified email, no other issuer, no deactivated account gets in.
// First: it installs the AsyncLocalStorage global that Next's modules expect when they load.
import { inRequest } from "../helpers/request-context";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { removeSsoLink, setUserActive } from "@/lib/admin/users";
import { updateSettings } from "@/lib/admin/update-settings";
import { sessionCookieName } from "@/lib/auth/options";
import { getCurrentUser, endSession, signInLanding } from "@/lib/auth/session";
import { signIn } from "@/lib/auth/sign-in";
import { signInWithSso } from "@/lib/auth/sso-sign-in";
import { pendingCookieName } from "@/lib/auth/two-step-sign-in";
import { db } from "@/lib/db";
import { REFUSED } from "@/lib/domain/errors";
import { settingsSchema, SSO_NOT_CONFIGURED } from "@/lib/domain/validation/admin";
import { startTestOidcProvider, TEST_OIDC_CLIENT, type TestIdentity, type TestOidcProvider } from "@/scripts/lib/test-oidc-provider";
import { createAdmin, createStaff, resetDatabase, TEST_PASSWORD } from "../helpers/database";
import { signInWithCouncilAccount, type Cookies } from "../helpers/sso";

const ORIGIN = "http://localhost:3000";
const identities = new Map<string, TestIdentity>();
let provider: TestOidcProvider;
/** The same provider reached by another name: its tokens say http://127.0.0.1:…, not the issuer configured. */
let otherIssuer: TestOidcProvider;

beforeAll(async () => {
  const redirectUris = [`${ORIGIN}/api/auth/callback/oidc`];
  provider = await startTestOidcProvider({ redirectUris, identities });
  otherIssuer = await startTestOidcProvider({ host: "127.0.0.1", redirectUris, identities });
});

afterAll(async () => {
  await Promise.all([provider?.close(), otherIssuer?.close()]);
});

function configure(issuer: string): void {
  vi.stubEnv("OIDC_ISSUER", issuer);
  vi.stubEnv("OIDC_CLIENT_ID", TEST_OIDC_CLIENT.clientId);
  vi.stubEnv("OIDC_CLIENT_SECRET", TEST_OIDC_CLIENT.clientSecret);
}

beforeEach(async () => {
  vi.stubEnv("NEXTAUTH_URL", ORIGIN);
  configure(provider.issuer);
  identities.clear();
  await resetDatabase();
});

afterEach(() => {
  vi.unstubAllEnvs();
});

const ssoSignIn = (login: string) => signInWithCouncilAccount(login, { appOrigin: ORIGIN });

async function userWith(cookies: Cookies) {
  return (await inRequest({ cookies }, () => getCurrentUser())).value;
}

async function binding(userId: string) {
  return db.user.findUniqueOrThrow({ where: { id: userId }, select: { ssoIssuer: true, ssoSubject: true, ssoBoundAt: true } });
}

/** Signed in: back through the sign-in page, which lands on the return address as after a password (signInLanding). */
const LANDED = `${ORIGIN}/login?callbackUrl=/dashboard`;

function refusedWith(reason: string) {
  return `${ORIGIN}/login?sso=${reason}`;
}

describe("the first sign-in with the council account", () => {
  it("matches an active account by verified email, binds it to the provider's subject, and starts a session (audited)", async () => {
    const staff = await createStaff();
    identities.set("o.okafor", { email: staff.email.toUpperCase(), email_verified: true, name: "O. Okafor" });

    const { location, cookies } = await ssoSignIn("o.okafor");

    expect(location).toBe(LANDED);
    expect(cookies[sessionCookieName()]).toBeTruthy();
    expect((await userWith(cookies))?.id).toBe(staff.id);
    expect(await binding(staff.id)).toMatchObject({ ssoIssuer: provider.issuer, ssoSubject: "o.okafor" });
    expect(await db.userSession.count({ where: { userId: staff.id } })).toBe(1);
    const audit = await db.auditLog.findMany({ where: { actorId: staff.id }, orderBy: { createdAt: "asc" }, select: { action: true, details: true } });
    expect(audit.map((entry) => entry.action)).toEqual(["user.sso-bound", "auth.sign-in"]);
    expect(audit[1]!.details).toMatchObject({ method: "sso", subject: "o.okafor" });
  });

  it("binds Microsoft Entra's oid rather than its per-app sub, and takes xms_edov as Entra's verified email", async () => {
    const staff = await createStaff();
    identities.set("entra-pairwise-sub", { email: staff.email, xms_edov: true, oid: "00000000-0000-0000-0000-0000000000aa" });
    const { location } = await ssoSignIn("entra-pairwise-sub");
    expect(location).toBe(LANDED);
    expect((await binding(staff.id)).ssoSubject).toBe("00000000-0000-0000-0000-0000000000aa");
  });

  it("refuses an email the provider has not verified, and binds nothing", async () => {
    const staff = await createStaff();
    identities.set("unverified", { email: staff.email, email_verified: false });
    identities.set("silent", { email: staff.email });
    for (const login of ["unverified", "silent"]) {
      const { location, cookies } = await ssoSignIn(login);
      expect(location).toBe(refusedWith("unverified-email"));
      expect(cookies[sessionCookieName()]).toBeUndefined();
    }
    expect((await binding(staff.id)).ssoSubject).toBeNull();
    expect(await db.auditLog.count({ where: { action: "auth.sign-in-failed", details: { path: ["reason"], equals: "unverified-email" } } })).toBe(2);
  });

  it("refuses a stranger (no self-registration): a clear reason on /login, no account made", async () => {
    identities.set("sam", { email: "sam.stranger@test.example", email_verified: true, name: "Sam Stranger" });
    const users = await db.user.count();
    const { location, cookies } = await ssoSignIn("sam");
    expect(location).toBe(refusedWith("unknown"));
    expect(cookies[sessionCookieName()]).toBeUndefined();
    expect(await db.user.count()).toBe(users);
    expect(await db.auditLog.count({ where: { action: "auth.sign-in-failed", actorEmail: "sam.stranger@test.example" } })).toBe(1);
  });

  it("refuses a deactivated account, and binds nothing", async () => {
    const staff = await createStaff({ active: false });
    identities.set("gone", { email: staff.email, email_verified: true });
    expect((await ssoSignIn("gone")).location).toBe(refusedWith("deactivated"));
    expect((await binding(staff.id)).ssoSubject).toBeNull();
  });
});

describe("once bound", () => {
  it("only the subject signs the account in: a new email at the provider still does; another subject with the same verified email is refused (nOAuth)", async () => {
    const staff = await createStaff();
    identities.set("o.okafor", { email: staff.email, email_verified: true });
    await ssoSignIn("o.okafor");

    // The person's email changes at the provider: the binding, not the email, says who they are.
    identities.set("o.okafor", { email: "olivia.new-name@test.example", email_verified: true });
    const again = await ssoSignIn("o.okafor");
    expect((await userWith(again.cookies))?.id).toBe(staff.id);

    // Another account at the provider that claims (even verified) the same email: not this account.
    identities.set("impostor", { email: staff.email, email_verified: true });
    const impostor = await ssoSignIn("impostor");
    expect(impostor.location).toBe(refusedWith("bound-elsewhere"));
    expect(impostor.cookies[sessionCookieName()]).toBeUndefined();
    expect((await binding(staff.id)).ssoSubject).toBe("o.okafor");
    expect(await db.auditLog.count({ where: { action: "auth.sign-in-failed", actorId: staff.id, details: { path: ["reason"], equals: "bound-elsewhere" } } })).toBe(1);
  });

  it("a session from single sign-on is a UserSession like any: signing out and deactivation end it at the next request", async () => {
    const admin = await createAdmin();
    const staff = await createStaff();
    identities.set("o.okafor", { email: staff.email, email_verified: true });
    const first = await ssoSignIn("o.okafor");
    const second = await ssoSignIn("o.okafor");
    expect((await userWith(first.cookies))?.id).toBe(staff.id);

    await inRequest({ cookies: first.cookies }, () => endSession());
    expect(await userWith(first.cookies)).toBeNull();
    expect((await userWith(second.cookies))?.id).toBe(staff.id);

    await setUserActive(staff.id, false, admin);
    expect(await userWith(second.cookies)).toBeNull();
    expect(await db.userSession.count({ where: { userId: staff.id } })).toBe(0);
    // And the bound subject no longer signs in.
    expect((await ssoSignIn("o.okafor")).location).toBe(refusedWith("deactivated"));
  });

  it("with two-step verification on, no session starts before the code: /login asks for it", async () => {
    const staff = await createStaff();
    await db.user.update({ where: { id: staff.id }, data: { twoStepEnabledAt: new Date(), twoStepSecret: "sealed elsewhere" } });
    identities.set("o.okafor", { email: staff.email, email_verified: true });
    const { location, cookies } = await ssoSignIn("o.okafor");
    expect(location).toBe(`${ORIGIN}/login`);
    expect(cookies[sessionCookieName()]).toBeUndefined();
    expect(cookies[pendingCookieName()]).toBeTruthy();
    expect(await db.auditLog.count({ where: { action: "auth.sign-in-sso", actorId: staff.id } })).toBe(1);
  });
});

describe("where it lands", () => {
  it("back through the sign-in page in the language it was started from, which lands where a password sign-in lands: the return address in the user's language", async () => {
    const staff = await createStaff();
    await db.user.update({ where: { id: staff.id }, data: { language: "cy" } });
    identities.set("o.okafor", { email: staff.email, email_verified: true });
    const fromWelsh = await signInWithCouncilAccount("o.okafor", { appOrigin: ORIGIN, returnPath: "/agreements", pageLocale: "cy" });
    expect(fromWelsh.location).toBe(`${ORIGIN}/cy/login?callbackUrl=/agreements`);
    expect((await userWith(fromWelsh.cookies))?.id).toBe(staff.id);
    // The one rule for every way of signing in: a return address naming no language → the user's own.
    expect(signInLanding("cy", "/agreements", "en")).toBe("/cy/agreements");
    expect(signInLanding("cy", "/agreements?status=ACTIVE", "cy")).toBe("/cy/agreements?status=ACTIVE");
    expect(signInLanding("en", "/agreements", "en")).toBe("/agreements");
    // A return address that names a language keeps it; an English speaker keeps the page's language.
    expect(signInLanding("cy", "/fr/partners", "en")).toBe("/fr/partners");
    expect(signInLanding("en", "/agreements", "cy")).toBe("/cy/agreements");
    // A refusal, too, is told in the language the sign-in started from.
    identities.set("sam", { email: "sam@elsewhere.example", email_verified: true });
    expect((await signInWithCouncilAccount("sam", { appOrigin: ORIGIN, pageLocale: "cy" })).location).toBe(`${ORIGIN}/cy/login?sso=unknown`);
  });
});

describe("an admin removes the council sign-in link", () => {
  it("after a provider account is recreated: refused as someone else until the admin removes the link (audited); then matched by verified email and linked again", async () => {
    const admin = await createAdmin();
    const staff = await createStaff();
    identities.set("o.okafor", { email: staff.email, email_verified: true });
    await ssoSignIn("o.okafor");
    const before = await binding(staff.id);
    expect(before.ssoSubject).toBe("o.okafor");

    // Their account at the provider is deleted and made again: a new subject, the same verified email.
    identities.delete("o.okafor");
    identities.set("o.okafor-recreated", { email: staff.email, email_verified: true });
    expect((await ssoSignIn("o.okafor-recreated")).location).toBe(refusedWith("bound-elsewhere"));

    expect(await removeSsoLink(staff.id, admin)).toEqual({ confirmation: "user.sso-unlinked" });
    expect(await binding(staff.id)).toEqual({ ssoIssuer: null, ssoSubject: null, ssoBoundAt: null });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "user.sso-unbound" }, select: { actorId: true, entityId: true, details: true } });
    expect(audit).toMatchObject({ actorId: admin.id, entityId: staff.id, details: { email: staff.email, issuer: provider.issuer, subject: "o.okafor", boundAt: before.ssoBoundAt?.toISOString() } });

    const relinked = await ssoSignIn("o.okafor-recreated");
    expect(relinked.location).toBe(LANDED);
    expect((await userWith(relinked.cookies))?.id).toBe(staff.id);
    expect((await binding(staff.id)).ssoSubject).toBe("o.okafor-recreated");

    // Nothing to remove: nothing written. Only an admin may remove it.
    await db.user.update({ where: { id: staff.id }, data: { ssoIssuer: null, ssoSubject: null, ssoBoundAt: null } });
    await removeSsoLink(staff.id, admin);
    expect(await db.auditLog.count({ where: { action: "user.sso-unbound" } })).toBe(1);
    await expect(removeSsoLink(staff.id, staff)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("the issuer", () => {
  it("a token from any issuer but the configured one is refused, even one the client accepted", async () => {
    const staff = await createStaff();
    identities.set("o.okafor", { email: staff.email, email_verified: true });
    // Configured as http://localhost:…; the provider's metadata and tokens say http://127.0.0.1:….
    configure(otherIssuer.issuer.replace("127.0.0.1", "localhost"));
    const { location, cookies } = await ssoSignIn("o.okafor");
    expect(location).toBe(refusedWith("wrong-issuer"));
    expect(cookies[sessionCookieName()]).toBeUndefined();
    expect((await binding(staff.id)).ssoSubject).toBeNull();
  });

  it("the binding names its issuer: the same subject at another issuer is not the bound account", async () => {
    const staff = await createStaff();
    await db.user.update({ where: { id: staff.id }, data: { ssoIssuer: "https://login.example/tenant-a", ssoSubject: "same-subject" } });
    const claims = { iss: "https://login.example/tenant-b", sub: "same-subject", email: staff.email, email_verified: true };
    const result = await signInWithSso(claims, { issuer: "https://login.example/tenant-b", address: null });
    expect(result).toEqual({ ok: false, refusal: "bound-elsewhere" });
  });
});

describe("'Only with the council account' for officers and councillors", () => {
  const settings = (ssoOnlyForStaff: "true" | "false") =>
    settingsSchema.parse({ councilName: "Testford", approvalsNeeded: "1", dormancyMonths: "24", openDataLicence: "OGL", reminderDays: "7", twoStepRequiredFor: "NOBODY", ssoOnlyForStaff });

  it("refuses an officer's password (with a message saying how to sign in), keeps the admins' password, and the council account still works", async () => {
    const admin = await createAdmin();
    const staff = await createStaff();
    await updateSettings(settings("true"), admin, { ssoConfigured: true });

    expect(await signIn(staff.email, TEST_PASSWORD, null)).toEqual({ ok: false, message: REFUSED.ssoOnly });
    // A wrong password is still just wrong: the setting is told only to who knows the password.
    expect(await signIn(staff.email, "not the password", null)).toEqual({ ok: false, message: "Incorrect email or password" });
    expect((await signIn(admin.email, TEST_PASSWORD, null)).ok).toBe(true);
    expect(await db.auditLog.count({ where: { action: "auth.sign-in-failed", actorId: staff.id, details: { path: ["reason"], equals: "council account only" } } })).toBe(1);

    identities.set("o.okafor", { email: staff.email, email_verified: true });
    expect((await ssoSignIn("o.okafor")).location).toBe(LANDED);

    // A server without single sign-on never locks its staff out, whatever the setting says.
    vi.stubEnv("OIDC_ISSUER", "");
    vi.stubEnv("OIDC_CLIENT_ID", "");
    vi.stubEnv("OIDC_CLIENT_SECRET", "");
    expect((await signIn(staff.email, TEST_PASSWORD, null)).ok).toBe(true);
  });

  it("cannot be switched on where single sign-on is not configured", async () => {
    const admin = await createAdmin();
    await expect(updateSettings(settings("true"), admin, { ssoConfigured: false })).rejects.toMatchObject({ fieldErrors: { ssoOnlyForStaff: [SSO_NOT_CONFIGURED] } });
    expect((await db.councilSettings.findUnique({ where: { id: 1 } }))?.ssoOnlyForStaff ?? false).toBe(false);
    await updateSettings(settings("false"), admin, { ssoConfigured: false });
  });
});
