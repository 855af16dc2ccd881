// Email settings from the environment: where links point, who mail is from, and how to reach SMTP.
import nodemailer, { type Transporter } from "nodemailer";

type Env = Record<string, string | undefined>;

/** The app's public address for links in emails (lib/web/request-context.ts). */
export { appUrl } from "@/lib/web/request-context";

export function mailFrom(env: Env = process.env): string {
  return env.MAIL_FROM || "Twinning Office <no-reply@localhost>";
}

/** SMTP options from SMTP_URL, or SMTP_HOST (+ SMTP_PORT, SMTP_USER, SMTP_PASSWORD); null when none is set. */
export function smtpOptions(env: Env = process.env): string | { host: string; port: number; secure: boolean; auth?: { user: string; pass: string } } | null {
  if (env.SMTP_URL) return env.SMTP_URL;
  if (!env.SMTP_HOST) return null;
  const port = Number(env.SMTP_PORT || 587);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`SMTP_PORT must be a port number, not "${env.SMTP_PORT}"`);
  return {
    host: env.SMTP_HOST,
    port,
    // Port 465 is TLS from the start; others upgrade with STARTTLS when the server offers it.
    secure: port === 465,
    auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASSWORD ?? "" } : undefined,
  };
}

/** A nodemailer transport for the configured SMTP server, or null: then messages wait in the outbox. */
export function transportFromEnv(env: Env = process.env): Transporter | null {
  const options = smtpOptions(env);
  return options ? nodemailer.createTransport(options) : null;
}
