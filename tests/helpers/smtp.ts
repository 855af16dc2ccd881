import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { to: string[]; raw: string };

export type TestSmtpServer = {
  port: number;
  /** Messages the server accepted, in the order it accepted them. */
  received: ReceivedMail[];
  close(): Promise<void>;
};

/**
 * A real SMTP server in this process, on a free port of 127.0.0.1, without TLS or AUTH.
 * `answer` sees each message before it is accepted: it may wait (a slow server), or return an
 * error with a `responseCode` to refuse it (the message is then not recorded).
 */
export async function startSmtpServer(answer?: (mail: ReceivedMail) => Promise<Error | void> | Error | void): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const mail = { to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw: Buffer.concat(chunks).toString("utf8") };
        void Promise.resolve(answer?.(mail)).then((refusal) => {
          if (refusal) return callback(refusal);
          received.push(mail);
          callback();
        }, callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A header of a raw message, e.g. "Message-ID". */
export function headerOf(raw: string, name: string): string {
  return new RegExp(`^${name}: (.*)$`, "mi").exec(raw)?.[1]?.trim() ?? "";
}
