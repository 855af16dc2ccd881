import { describe, expect, it } from "vitest";
import { COMMAND_RULES, COMMANDS, REJECTION_REASON_MESSAGE } from "@/lib/domain/lifecycle";
import { commandSchema, voteSchema } from "./agreement";

const ids = { agreementId: "5b0c8f4e-2d4c-4b8e-9a57-0c3f1e2d4a6b", version: "3" };

describe("commandSchema follows COMMAND_RULES", () => {
  it.each(COMMANDS)("%s: without reasons, exactly the reasons its rule requires are missing, each message naming its field", (command) => {
    const parsed = commandSchema.safeParse({ ...ids, command, reason: "  ", publicReason: "" });
    const rule = COMMAND_RULES[command];
    const expected = [...(rule.reason === "required" ? ["reason"] : []), ...(rule.publicReason === "required" ? ["publicReason"] : [])];
    const fields = parsed.success ? [] : parsed.error.issues.map((issue) => String(issue.path[0]));
    expect(fields.sort()).toEqual(expected.sort());
    if (!parsed.success) {
      for (const issue of parsed.error.issues) expect(issue.message).toMatch(issue.path[0] === "reason" ? /^Enter a reason/ : /^Enter a public reason/);
    }
  });

  it.each(COMMANDS)("%s: with both reasons given, it parses", (command) => {
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
