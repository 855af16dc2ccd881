// Single sign-on (OpenID Connect): who an ID token from the council's provider signs in. The token
// itself (signature, audience, nonce, expiry, issuer against the provider's metadata) has been
// checked by NextAuth's OpenID client before these claims get here (lib/auth/options.ts).
//
// The binding rule, against the "nOAuth" takeover (an identity provider account that merely
// *claims* someone's email): an account is found by email only once — its first sign-in, with an
// email the provider says it verified, on an active account an admin created and not yet bound —
// and is then bound to the provider's stable subject (Entra's `oid`, else `sub`). From then on only
// that (issuer, subject) pair signs it in; the email is never used again, so another account at the
// provider that later shows the same email is refused. There is no self-registration: a person
// with no account here is refused.
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { normaliseEmail, type SignedInUser } from "./sign-in";

/** Why single sign-on refused someone (the login page words each: messages/auth sso.refused). */
export const SSO_REFUSALS = ["wrong-issuer", "no-subject", "unverified-email", "unknown", "bound-elsewhere", "deactivated", "failed"] as const;
export type SsoRefusal = (typeof SSO_REFUSALS)[number];

export type SsoSignInResult = { ok: true; user: SignedInUser; twoStepPending: boolean; bound: boolean } | { ok: false; refusal: SsoRefusal };

/** The ID token's claims, as the provider sent them (nothing in them is trusted before the checks here). */
export type IdTokenClaims = Record<string, unknown>;

/** An issuer without a trailing slash: "https://idp.example/" and "https://idp.example" name one provider. */
export function normaliseIssuer(issuer: string): string {
  return issuer.trim().replace(/\/+$/, "");
}

/**
 * The provider's stable, never-reassigned id for the person: Microsoft Entra's `oid` (the same for
 * the user across every app of the tenant; Entra's `sub` is per app) when present, else `sub`.
 */
export function ssoSubject(claims: IdTokenClaims): string | null {
  for (const claim of [claims.oid, claims.sub]) {
    if (typeof claim === "string" && claim.trim() !== "" && claim.length <= 255) return claim;
  }
  return null;
}

function isTrue(value: unknown): boolean {
  return value === true || value === "true";
}

/**
 * Whether the provider vouches for the email: `email_verified` true (Google; any standard provider),
 * or, from Microsoft Entra ID, which sends no `email_verified`, the optional claim `xms_edov` true
 * ("email domain owner verified": the email's domain is one the tenant has verified). An email
 * without either is never matched to an account.
 */
export function emailVerified(claims: IdTokenClaims): boolean {
  return isTrue(claims.email_verified) || (claims.email_verified === undefined && isTrue(claims.xms_edov));
}

const USER_SELECT = { id: true, email: true, name: true, role: true, active: true, sessionVersion: true, language: true, twoStepEnabledAt: true, ssoSubject: true } as const;

/**
 * Signs in the account bound to these claims, or binds one by verified email at its first sign-in
 * (see the rule above), or refuses. `issuer` is the configured one (OIDC_ISSUER): a token from any
 * other is refused, whatever its signature. Every outcome is audited like a password sign-in:
 * `auth.sign-in` (details.method "sso"), `auth.sign-in-failed` with the reason, and the binding
 * itself as `user.sso-bound`. With two-step verification on, the session waits for a code as after
 * a password (`twoStepPending`; audited `auth.sign-in-sso` until the code passes).
 */
export async function signInWithSso(claims: IdTokenClaims, { issuer, address, now = new Date() }: { issuer: string; address: string | null; now?: Date }): Promise<SsoSignInResult> {
  const expected = normaliseIssuer(issuer);
  const tokenIssuer = typeof claims.iss === "string" ? claims.iss : "";
  const subject = ssoSubject(claims);
  const email = typeof claims.email === "string" ? normaliseEmail(claims.email).slice(0, 320) : null;
  const context = { method: "sso", issuer: tokenIssuer.slice(0, 500), subject: subject ?? null, email };

  const refuse = async (refusal: SsoRefusal, user: { id: string; email: string } | null = null): Promise<SsoSignInResult> => {
    await db.$transaction((tx) =>
      writeAudit(tx, { actor: user, actorEmail: email ?? undefined, action: "auth.sign-in-failed", ip: address, details: { ...context, reason: refusal } }),
    );
    return { ok: false, refusal };
  };

  if (normaliseIssuer(tokenIssuer) !== expected) return refuse("wrong-issuer");
  if (!subject) return refuse("no-subject");

  const bound = await db.user.findUnique({ where: { ssoIssuer_ssoSubject: { ssoIssuer: expected, ssoSubject: subject } }, select: USER_SELECT });
  if (bound) {
    if (!bound.active) return refuse("deactivated", bound);
    return signedIn(bound, false);
  }

  // Not bound yet: the one time an email is read, and only one the provider verified.
  if (!email || !emailVerified(claims)) return refuse("unverified-email");
  const candidate = await db.user.findUnique({ where: { email }, select: USER_SELECT });
  if (!candidate) return refuse("unknown");
  // Bound to another subject (or another provider): this is not that person's account at the provider.
  if (candidate.ssoSubject !== null) return refuse("bound-elsewhere", candidate);
  if (!candidate.active) return refuse("deactivated", candidate);
  return signedIn(candidate, true);

  async function signedIn(user: Prisma.UserGetPayload<{ select: typeof USER_SELECT }>, bind: boolean): Promise<SsoSignInResult> {
    const twoStepPending = user.twoStepEnabledAt !== null;
    try {
      await db.$transaction(async (tx) => {
        if (bind) {
          // Only while still unbound: of two first sign-ins at once, one binds and the other is refused.
          const { count } = await tx.user.updateMany({ where: { id: user.id, ssoSubject: null, active: true }, data: { ssoIssuer: expected, ssoSubject: subject, ssoBoundAt: now } });
          if (count === 0) throw new BindingLost();
          await writeAudit(tx, { actor: user, action: "user.sso-bound", entityType: "User", entityId: user.id, ip: address, details: { issuer: expected, subject } });
        }
        await writeAudit(tx, { actor: user, action: twoStepPending ? "auth.sign-in-sso" : "auth.sign-in", ip: address, details: { method: "sso", issuer: expected, subject } });
      });
    } catch (error) {
      if (error instanceof BindingLost || (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) return refuse("bound-elsewhere", user);
      throw error;
    }
    return {
      ok: true,
      user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion, language: user.language },
      twoStepPending,
      bound: bind,
    };
  }
}

class BindingLost extends Error {}
