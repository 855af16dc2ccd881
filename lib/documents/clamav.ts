// Scanning with ClamAV where CLAMD_HOST is set: the file goes to clamd's INSTREAM command (the
// z-prefixed form, NUL-terminated) in length-prefixed pieces, read from disk a piece at a time.
// Replies: "stream: OK", "stream: <signature> FOUND", or "… ERROR".
import { createReadStream } from "node:fs";
import { connect } from "node:net";

export type ScanResult = { clean: true } | { clean: false; signature: string } | { error: string };

/** The clamd to use, from CLAMD_HOST and CLAMD_PORT (3310); null when none is configured. */
export function clamdAddress(env: NodeJS.ProcessEnv = process.env): { host: string; port: number } | null {
  const host = env.CLAMD_HOST?.trim();
  if (!host) return null;
  const port = Number(env.CLAMD_PORT ?? 3310);
  return { host, port: Number.isInteger(port) && port > 0 && port < 65536 ? port : 3310 };
}

const PIECE = 64 * 1024;

/** Sends the file at `path` to clamd and reads its verdict; a connection that fails or stalls is an error (the upload is refused, never stored unscanned). */
export function scanFile(path: string, address: { host: string; port: number }, timeoutMs = 60_000): Promise<ScanResult> {
  return new Promise((resolve) => {
    const socket = connect(address.port, address.host);
    let settled = false;
    let reply = "";
    const finish = (result: ScanResult) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => finish({ error: "clamd did not answer in time" }));
    socket.on("error", (error) => finish({ error: `clamd: ${error.message}` }));
    socket.on("data", (data: Buffer) => {
      reply += data.toString("utf8");
      const end = reply.indexOf("\0");
      if (end !== -1) finish(verdict(reply.slice(0, end)));
    });
    socket.on("end", () => finish(reply ? verdict(reply.replace(/\0$/, "")) : { error: "clamd closed the connection without a verdict" }));
    const send = async () => {
      try {
        socket.write("zINSTREAM\0");
        for await (const piece of createReadStream(path, { highWaterMark: PIECE })) {
          const length = Buffer.alloc(4);
          length.writeUInt32BE((piece as Buffer).length);
          if (!socket.write(Buffer.concat([length, piece as Buffer]))) await new Promise((drained) => socket.once("drain", drained));
          if (settled) return;
        }
        socket.write(Buffer.alloc(4));
      } catch (error) {
        finish({ error: `clamd: ${(error as Error).message}` });
      }
    };
    socket.on("connect", () => void send());
  });
}

function verdict(line: string): ScanResult {
  const text = line.trim();
  if (/:\s*OK$/.test(text)) return { clean: true };
  const found = /:\s*(.+)\s+FOUND$/.exec(text);
  if (found) return { clean: false, signature: found[1]! };
  return { error: `clamd: ${text}` };
}
