import { describe, expect, it } from "vitest";
import { COMMAND_RULES, REJECTION_REASON_MESSAGE, STATUS_COMMANDS } from "@/lib/domain/lifecycle";
import { agreementFields, commandSchema, voteSchema } from "./agreement";

const ids = { agreementId: "5b0c8f4e-2d4c-4b8e-9a57-0c3f1e2d4a6b", version: "3" };

describe("commandSchema follows COMMAND_RULES", () => {
  // "Propose amendment" has a form of its own, with the terms (amendmentSchema: tests/integration/amendments.test.ts).
  it.each(STATUS_COMMANDS)("%s: without reasons, exactly the reasons its rule requires are missing, each message naming its field", (command) => {
    const parsed = commandSchema.safeParse({ ...ids, command, reason: "  ", publicReason: "" });
    const rule = COMMAND_RULES[command];
    const expected = [...(rule.reason === "required" ? ["reason"] : []), ...(rule.publicReason === "required" ? ["publicReason"] : [])];
    const fields = parsed.success ? [] : parsed.error.issues.map((issue) => String(issue.path[0]));
    expect(fields.sort()).toEqual(expected.sort());
    if (!parsed.success) {
      for (const issue of parsed.error.issues) expect(issue.message).toMatch(issue.path[0] === "reason" ? /^Enter a reason/ : /^Enter a public reason/);
    }
  });

  it.each(STATUS_COMMANDS)("%s: with both reasons given, it parses", (command) => {
    expect(commandSchema.safeParse({ ...ids, command, reason: "The partner council dissolved.", publicReason: "Paused." }).success).toBe(true);
  });

  it("asks a submission why this partner, and why now", () => {
    const parsed = commandSchema.safeParse({ ...ids, command: "submit" });
    expect(parsed.error?.issues.map((issue) => issue.message)).toEqual(["Enter a reason: why this partner, and why now"]);
  });
});

describe("voteSchema", () => {
  it("a rejection without a reason gets the lifecycle's one message; an approval needs none", () => {
    const proposalId = ids.agreementId;
    expect(voteSchema.safeParse({ proposalId, decision: "reject", reason: " " }).error?.issues.map((issue) => issue.message)).toEqual([REJECTION_REASON_MESSAGE]);
    expect(voteSchema.safeParse({ proposalId, decision: "approve" }).success).toBe(true);
  });
});

describe("agreementFields: the website and numbers as people type them", () => {
  const details = agreementFields.pick({ website: true, population: true, latitude: true });

  it("completes a website typed without https://, and still refuses what is no web address", () => {
    expect(details.parse({ website: "www.lille.fr" }).website).toBe("https://www.lille.fr");
    expect(details.parse({ website: " lille.fr " }).website).toBe("https://lille.fr");
    expect(details.parse({ website: "http://lille.fr" }).website).toBe("http://lille.fr");
    expect(details.parse({ website: "" }).website).toBeUndefined();
    for (const website of ["lille", "javascript:alert(1)", "https://lille"]) {
      expect(details.safeParse({ website }).error?.issues.map((issue) => issue.message)).toEqual(["Website must be a web address, like www.lille.fr or https://www.lille.fr"]);
    }
  });

  it("reads 334,000 as a population; a decimal comma is refused naming the field", () => {
    expect(details.parse({ population: "334,000", latitude: "50.63" })).toMatchObject({ population: 334000, latitude: 50.63 });
    expect(details.safeParse({ latitude: "50,63" }).error?.issues.map((issue) => [issue.path[0], issue.message])).toEqual([
      ["latitude", "Latitude must use a point for decimals (like 3.5); a comma separates thousands (like 334,000)"],
    ]);
  });
});
