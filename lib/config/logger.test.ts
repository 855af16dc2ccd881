// The server's log lines are JSON, carry the request's id, and never a secret: keys that name one
// are redacted at any depth, and secrets inside text (an address's token, a bearer token, a
// database URL's password) are cut out.
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, REDACTED } from "./logger";
import { requestIdFor } from "./request-id";

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
      done();
    },
  });
  return { lines, logger: createLogger({ level: "info", destination }) };
}

describe("the server's logger", () => {
  it("writes one JSON object per line, with the level, time, message and the request's id", () => {
    const { lines, logger } = capture();
    logger.child({ requestId: "3f2a9c1e-request" }).info({ userId: "u-1" }, "Signed in");
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({ level: "info", message: "Signed in", requestId: "3f2a9c1e-request", userId: "u-1", app: "twinning-office" });
    expect(new Date(String(line.time)).toISOString()).toBe(line.time);
  });

  it("never writes a password, token, cookie or authorization header, nor a secret inside text", () => {
    const { lines, logger } = capture();
    const secrets = ["hunter2-Correct-Horse", "tok_9f8e7d6c5b4a", "sess-cookie-value-123", "Bearer-abc.def.ghi", "pg-pass-42", "reset-token-77"];
    logger.child({ requestId: "r-12345678" }).error(
      {
        user: { email: "a@example.gov.uk", password: secrets[0], newPassword: secrets[0] },
        token: secrets[1],
        session: { id: "s-1" },
        sessionId: secrets[2],
        // A count under a key that merely resembles one (the jobs' report) is kept.
        sessions: { deleted: 3 },
        headers: { cookie: `next-auth.session-token=${secrets[2]}`, Authorization: `Bearer ${secrets[3]}`, "user-agent": "Firefox" },
        databaseUrl: `postgresql://twinning:${secrets[4]}@db.internal:5432/twinning`,
        err: new Error(`GET /password-reset?token=${secrets[5]} failed`),
      },
      `Visited /password-reset?token=${secrets[5]}&lang=cy`,
    );
    const text = lines.join("\n");
    for (const secret of secrets) expect(text).not.toContain(secret);
    const line = JSON.parse(lines[0]!) as Record<string, Record<string, unknown> & { headers: Record<string, unknown> }>;
    expect(line.user).toEqual({ email: "a@example.gov.uk", password: REDACTED, newPassword: REDACTED });
    expect(line.headers).toEqual({ cookie: REDACTED, Authorization: REDACTED, "user-agent": "Firefox" });
    expect(line.databaseUrl).toBe(`postgresql://twinning:${REDACTED}@db.internal:5432/twinning`);
    expect(line.err).toMatchObject({ type: "Error", message: `GET /password-reset?token=${REDACTED} failed` });
    expect(line.message).toBe(`Visited /password-reset?token=${REDACTED}&lang=cy`);
    expect(line.requestId).toBe("r-12345678");
    expect([line.session, line.sessionId, line.sessions]).toEqual([REDACTED, REDACTED, { deleted: 3 }]);
  });

  it("cuts a single-use link's token out of an address's path (a partner's confirmation link, a reset link)", () => {
    const { lines, logger } = capture();
    const token = "Qx7bN2kP9vLm4sT8wYc1Rz6HdJf3GaE5uK0oIiVpXnB";
    logger.info({ url: `/cy/confirm/${token}?answered=confirmed` }, `POST /confirm/${token} and GET /password-reset/${token}`);
    expect(lines.join("\n")).not.toContain(token);
    const line = JSON.parse(lines[0]!) as { url: string; message: string };
    expect(line.url).toBe(`/cy/confirm/${REDACTED}?answered=confirmed`);
    expect(line.message).toBe(`POST /confirm/${REDACTED} and GET /password-reset/${REDACTED}`);
  });

  it("LOG_LEVEL sets how much is written", () => {
    const lines: string[] = [];
    const destination = new Writable({ write: (chunk: Buffer, _encoding, done) => (lines.push(chunk.toString()), done()) });
    const logger = createLogger({ level: "warn", destination });
    logger.info("not written");
    logger.warn("written");
    expect(lines.map((line) => (JSON.parse(line) as { message: string }).message)).toEqual(["written"]);
  });
});

describe("a request's id", () => {
  it("is new for every request, unless our own reverse proxy (TRUSTED_PROXY_HOPS > 0) set one that looks like an id", () => {
    const given = new Headers({ "x-request-id": "0123456789abcdef0123456789abcdef" });
    expect(requestIdFor(given, {})).not.toBe("0123456789abcdef0123456789abcdef");
    expect(requestIdFor(given, {})).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFor(given, { TRUSTED_PROXY_HOPS: "1" })).toBe("0123456789abcdef0123456789abcdef");
    expect(requestIdFor(new Headers({ "x-request-id": "<script>alert(1)</script>" }), { TRUSTED_PROXY_HOPS: "1" })).toMatch(/^[0-9a-f-]{36}$/);
  });
});
