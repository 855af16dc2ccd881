import { describe, expect, it } from "vitest";
import { acceptable, answerable } from "./partner-answer";

describe("the partner's answer, pure", () => {
  const sent = { termsDigest: "a".repeat(64), contactKept: true };
  it("is answerable only with the terms it was sent for, on a link in force, to a contact still held", () => {
    expect(answerable(sent, { termsDigest: "a".repeat(64), status: "ACTIVE" })).toBe(true);
    expect(answerable(sent, { termsDigest: "a".repeat(64), status: "SUSPENDED" })).toBe(true);
    expect(answerable(sent, { termsDigest: "b".repeat(64), status: "ACTIVE" })).toBe(false);
    for (const status of ["DRAFT", "PENDING_APPROVAL", "TERMINATED", "WITHDRAWN"] as const) expect(answerable(sent, { termsDigest: "a".repeat(64), status })).toBe(false);
    expect(answerable({ ...sent, contactKept: false }, { termsDigest: "a".repeat(64), status: "ACTIVE" })).toBe(false);
  });

  it("accepts a confirmation once, never a decline, on a link that is not final", () => {
    expect(acceptable({ answer: "CONFIRMED", acceptedDecisionId: null }, "ACTIVE")).toBe(true);
    expect(acceptable({ answer: "CONFIRMED", acceptedDecisionId: "d" }, "ACTIVE")).toBe(false);
    expect(acceptable({ answer: "DECLINED", acceptedDecisionId: null }, "ACTIVE")).toBe(false);
    expect(acceptable({ answer: "CONFIRMED", acceptedDecisionId: null }, "TERMINATED")).toBe(false);
  });
});
