// The server's one logger: structured JSON lines (pino) on standard output, one object per line,
// for journald, a log shipper or `jq`. LOG_LEVEL sets how much (default info). Nothing secret is
// written: values under keys that name a secret (passwords, tokens, cookies, authorization
// headers, sessions, keys) are replaced, at any depth, and secrets inside text — a token in an
// address's query, a bearer token, a password in a database URL — are cut out. A request's lines
// carry its id (lib/web/request-log.ts), the id the proxy gives every request and answers with
// in X-Request-Id. Command-line scripts keep their plain lines for the person running them.
import pino, { type DestinationStream, type Logger } from "pino";
import { logLevelSchema } from "./env";

export type { Logger };

export const REDACTED = "[redacted]";

/** Keys whose values are never written, whatever they hold. */
const SECRET_KEY = /pass(word|phrase)?$|secret|token|cookie|authori[sz]ation|api[-_]?key|private[-_]?key|credential|^session$|session[-_]?(id|key|token)|recovery[-_]?codes?|^otp$|^code$/i;

/** Secrets inside text: an address's token-like query parameters, a bearer token, a URL's password. */
const SECRET_IN_TEXT: [RegExp, string][] = [
  [/([?&;](?:token|access_token|id_token|refresh_token|code|state|password|secret|key|session|signature)=)[^&\s"';]+/gi, `$1${REDACTED}`],
  [/(Bearer\s+)[A-Za-z0-9._~+/-]+=*/gi, `$1${REDACTED}`],
  [/(\/\/[^:/@\s]+:)[^@\s/]+@/g, `$1${REDACTED}@`],
  // A single-use link's token in an address's path (/password-reset/<token>, /cy/confirm/<token>).
  [/(\/(?:password-reset|confirm)\/)[A-Za-z0-9_-]{16,}/g, `$1${REDACTED}`],
];

function scrubText(text: string): string {
  return SECRET_IN_TEXT.reduce((scrubbed, [pattern, replacement]) => scrubbed.replace(pattern, replacement), text);
}

/** A copy of `value` with every secret replaced; errors become { type, message, code, stack }. */
function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return scrubText(value);
  if (value === null || typeof value !== "object") return value;
  if (depth > 8) return "[too deep]";
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return { type: value.name, message: scrubText(value.message), ...(code !== undefined ? { code: scrub(code, depth + 1) } : {}), stack: value.stack ? scrubText(value.stack) : undefined, ...(value.cause ? { cause: scrub(value.cause, depth + 1) } : {}) };
  }
  if (value instanceof Headers) return scrub(Object.fromEntries(value.entries()), depth);
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, SECRET_KEY.test(key) ? REDACTED : scrub(item, depth + 1)]));
}

/** A logger writing to `destination` (standard output unless a test gives its own). */
export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  const level = logLevelSchema.safeParse(options.level ?? process.env.LOG_LEVEL);
  return pino(
    {
      level: level.success ? level.data : "info",
      base: { app: "twinning-office", pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Errors are shaped by scrub() (below), which runs first: pino's own serializer would see a plain object.
      serializers: { err: (value: unknown) => value },
      messageKey: "message",
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => scrub(object) as Record<string, unknown>,
      },
      hooks: {
        // The message text too: a caller may have put an address with a token in it.
        logMethod(args, method) {
          method.apply(this, args.map((arg) => (typeof arg === "string" ? scrubText(arg) : arg)) as Parameters<typeof method>);
        },
      },
    },
    options.destination,
  );
}

const globalForLogger = globalThis as typeof globalThis & { __twinningLogger?: Logger };

/** The process's logger (one per process, also across a development server's reloads). */
export const logger: Logger = (globalForLogger.__twinningLogger ??= createLogger());
