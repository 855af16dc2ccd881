import { z } from "zod";

/** TRUSTED_PROXY_HOPS: how many reverse proxies of ours stand in front of the app (lib/web/request-context.ts). */
export const proxyHopsSchema = z.coerce.number().int("TRUSTED_PROXY_HOPS must be a whole number").min(0).max(10).default(0);

/** CACHE_CHANGE_SIGNAL: how the caches hear of changes, "listen" (LISTEN/NOTIFY) or "poll" (the sequence, once a second): lib/cache/listener.ts. */
export const cacheSignalSchema = z.enum(["listen", "poll"], { message: 'CACHE_CHANGE_SIGNAL must be "listen" or "poll"' }).default("listen");

/** PUBLIC_PAGE_CACHE_MB: how much rendered public pages each server process keeps (lib/cache/public-pages.ts). */
export const pageCacheMegabytesSchema = z.coerce.number().int("PUBLIC_PAGE_CACHE_MB must be a whole number").min(0).max(4096).default(64);

/** JOBS: who runs the scheduled jobs, "app" (every server process, every minute: the default) or "cron" (`npm run jobs` from cron; PostgreSQL only). */
export const jobsRunnerSchema = z.enum(["app", "cron"], { message: 'JOBS must be "app" or "cron"' }).default("app");

/** LOG_LEVEL: how much the server logs (lib/config/logger.ts), from "fatal" to "trace", or "silent". */
export const logLevelSchema = z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], { message: "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent" }).default("info");

/** TWO_STEP_KEY: the key that seals two-step secrets at rest (lib/auth/secret-box.ts), 32 random bytes in base64. */
export const twoStepKeySchema = z
  .string()
  .trim()
  .refine((value) => /^[A-Za-z0-9+/]+={0,2}$/.test(value) && Buffer.from(value, "base64").length === 32, "TWO_STEP_KEY must be 32 random bytes in base64, e.g. `openssl rand -base64 32`")
  .optional();

/**
 * OIDC_ISSUER: the council's OpenID Connect issuer for single sign-on, exactly as its ID tokens name
 * it (one tenant: e.g. https://login.microsoftonline.com/<tenant id>/v2.0, https://accounts.google.com).
 * HTTPS, or http only for a provider on this machine (the tests' own).
 */
export const oidcIssuerSchema = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return !url.search && !url.hash && (url.protocol === "https:" || (url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname)));
    } catch {
      return false;
    }
  }, "OIDC_ISSUER must be the https:// address of the council's OpenID provider (its issuer, e.g. https://login.microsoftonline.com/<tenant id>/v2.0)")
  .optional();

/** An empty variable (`OIDC_ISSUER=` in an env file) is an unset one. */
function unsetWhenEmpty<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema);
}

const ServerEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET must be at least 16 characters").optional(),
  /** Hours a session lasts before the user signs in again. */
  SESSION_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(8),
  TRUSTED_PROXY_HOPS: proxyHopsSchema,
  CACHE_CHANGE_SIGNAL: cacheSignalSchema,
  PUBLIC_PAGE_CACHE_MB: pageCacheMegabytesSchema,
  JOBS: unsetWhenEmpty(jobsRunnerSchema),
  LOG_LEVEL: unsetWhenEmpty(logLevelSchema),
  TWO_STEP_KEY: twoStepKeySchema,
  OIDC_ISSUER: unsetWhenEmpty(oidcIssuerSchema),
  OIDC_CLIENT_ID: unsetWhenEmpty(z.string().trim().max(500).optional()),
  OIDC_CLIENT_SECRET: unsetWhenEmpty(z.string().max(2000).optional()),
  /** What the sign-in page calls the council's accounts, e.g. "Coventry City Council (Microsoft 365)". */
  OIDC_DISPLAY_NAME: unsetWhenEmpty(z.string().trim().max(100).optional()),
});

/** Single sign-on, when configured (all of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET). */
export type OidcConfig = { issuer: string; clientId: string; clientSecret: string; displayName: string | null };

export type ServerEnv = z.infer<typeof ServerEnvSchema> & { NEXTAUTH_SECRET: string; oidc: OidcConfig | null };

const DEVELOPMENT_SECRET = "twinning-office-development-secret-not-for-production";

export class ConfigurationError extends Error {
  override name = "ConfigurationError";
}

/** Reads and checks the server's environment; throws one clear line when something is missing. */
export function readServerEnv(env: Record<string, string | undefined> = process.env): ServerEnv {
  const parsed = ServerEnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigurationError(`${issue?.path.join(".")}: ${issue?.message}`);
  }
  const oidc = oidcConfig(parsed.data);
  const secret = parsed.data.NEXTAUTH_SECRET;
  if (!secret) {
    if (parsed.data.NODE_ENV === "production") {
      throw new ConfigurationError(
        "NEXTAUTH_SECRET is not set. Set it to a long random string (e.g. `openssl rand -base64 32`) before starting in production, or use `npm run demo` for a local demo.",
      );
    }
    return { ...parsed.data, NEXTAUTH_SECRET: DEVELOPMENT_SECRET, oidc };
  }
  return { ...parsed.data, NEXTAUTH_SECRET: secret, oidc };
}

/** All three of issuer, client id and secret, or none: half a configuration stops the server at start. */
function oidcConfig(env: z.infer<typeof ServerEnvSchema>): OidcConfig | null {
  const { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret } = env;
  if (!issuer && !clientId && !clientSecret) return null;
  if (!issuer || !clientId || !clientSecret) {
    throw new ConfigurationError("Single sign-on needs all of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET (or none of them, for no single sign-on).");
  }
  return { issuer, clientId, clientSecret, displayName: env.OIDC_DISPLAY_NAME ?? null };
}
