import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readServerEnv } from "@/lib/config/env";
import { keyFromEnv, open, seal, SecretBoxError, secretBoxKey } from "./secret-box";

const key = secretBoxKey(randomBytes(32));
const otherKey = secretBoxKey(randomBytes(32));
const SECRET = "JBSWY3DPEHPK3PXP";

/** The value with one character of its sealed body changed. */
function tampered(sealed: string, at: number): string {
  const head = sealed.slice(0, sealed.lastIndexOf(".") + 1);
  const body = Buffer.from(sealed.slice(head.length), "base64url");
  body[at]! ^= 0x01;
  return head + body.toString("base64url");
}

describe("the secret box", () => {
  it("opens what it sealed, for the same context, and never holds the plaintext", () => {
    const sealed = seal(SECRET, "two-step:user-1", key);
    expect(sealed).toMatch(/^v1\.[0-9a-f]{8}\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain(SECRET);
    expect(open(sealed, "two-step:user-1", [key])).toBe(SECRET);
  });

  it("seals the same secret differently each time (a fresh nonce)", () => {
    expect(seal(SECRET, "c", key)).not.toBe(seal(SECRET, "c", key));
  });

  it("refuses a value changed anywhere: nonce, ciphertext or tag", () => {
    const sealed = seal(SECRET, "c", key);
    const length = Buffer.from(sealed.split(".")[2]!, "base64url").length;
    for (const at of [0, 11, 12, length - 17, length - 1]) expect(() => open(tampered(sealed, at), "c", [key])).toThrow(SecretBoxError);
  });

  it("refuses a value sealed for another context (a secret copied onto another user's row)", () => {
    expect(() => open(seal(SECRET, "two-step:user-1", key), "two-step:user-2", [key])).toThrow(SecretBoxError);
  });

  it("refuses a value sealed with another key, and says which key it names", () => {
    const sealed = seal(SECRET, "c", key);
    expect(() => open(sealed, "c", [otherKey])).toThrow(`key id ${key.id}`);
    // Even one that claims the right key's id.
    const forged = sealed.replace(`.${key.id}.`, `.${otherKey.id}.`);
    expect(() => open(forged, "c", [otherKey])).toThrow(SecretBoxError);
  });

  it("opens with whichever configured key sealed it (rotation)", () => {
    const old = seal(SECRET, "c", key);
    expect(open(old, "c", [otherKey, key])).toBe(SECRET);
  });

  it("refuses what is not a sealed value", () => {
    for (const value of ["", SECRET, "v2.abcd.AAAA", "v1.abcd", `v1.${key.id}.AAAA`, `v1.${key.id}.AAAA.extra`]) expect(() => open(value, "c", [key])).toThrow(SecretBoxError);
  });
});

describe("the key from the environment", () => {
  const base = { NODE_ENV: "test", NEXTAUTH_SECRET: "a-session-secret-long-enough" };

  it("is TWO_STEP_KEY when set, whatever the session secret", () => {
    const raw = randomBytes(32);
    const a = keyFromEnv({ ...base, TWO_STEP_KEY: raw.toString("base64") });
    const b = keyFromEnv({ ...base, NEXTAUTH_SECRET: "another-session-secret-entirely", TWO_STEP_KEY: raw.toString("base64") });
    expect(a.key.equals(raw)).toBe(true);
    expect(b.id).toBe(a.id);
  });

  it("is derived from NEXTAUTH_SECRET when TWO_STEP_KEY is unset: stable, not the secret itself, and another secret gives another key", () => {
    const a = keyFromEnv(base);
    expect(keyFromEnv(base).id).toBe(a.id);
    expect(a.key.equals(Buffer.from(base.NEXTAUTH_SECRET).subarray(0, 32))).toBe(false);
    expect(keyFromEnv({ ...base, NEXTAUTH_SECRET: "another-session-secret-entirely" }).id).not.toBe(a.id);
  });

  it("TWO_STEP_KEY is checked at start: 32 bytes of base64, or one clear line", () => {
    expect(() => readServerEnv({ ...base, TWO_STEP_KEY: randomBytes(16).toString("base64") })).toThrow(/^TWO_STEP_KEY: TWO_STEP_KEY must be 32 random bytes in base64/);
    expect(() => readServerEnv({ ...base, TWO_STEP_KEY: "not base64 at all!" })).toThrow(/TWO_STEP_KEY/);
    expect(readServerEnv({ ...base, TWO_STEP_KEY: randomBytes(32).toString("base64") }).TWO_STEP_KEY).toBeDefined();
  });
});
