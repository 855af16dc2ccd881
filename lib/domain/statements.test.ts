import { describe, expect, it } from "vitest";
import { contactInline, inaccessibleContentText, isEmailAddress, statementBlocks } from "./statements";

describe("a statement's text", () => {
  it("reads '## ' headings, '- ' lists and paragraphs with their line breaks; markup stays text", () => {
    expect(statementBlocks("## Compliance status\n\nFully <b>compliant</b>.\nSecond line\n\n- one\n- two\nAfter the list\n\n\n")).toEqual([
      { kind: "heading", text: "Compliance status" },
      { kind: "paragraph", lines: ["Fully <b>compliant</b>.", "Second line"] },
      { kind: "list", items: ["one", "two"] },
      { kind: "paragraph", lines: ["After the list"] },
    ]);
    expect(statementBlocks("")).toEqual([]);
    expect(statementBlocks("a\r\nb")).toEqual([{ kind: "paragraph", lines: ["a", "b"] }]);
  });

  it("tells an email address from a postal address, and puts an address on one line", () => {
    expect(isEmailAddress("twinning@coventry.gov.uk")).toBe(true);
    expect(isEmailAddress("Council House\nCoventry CV1 5RR")).toBe(false);
    expect(isEmailAddress("javascript:alert(1)@x")).toBe(false);
    expect(contactInline("Twinning Office,\nCouncil House\n\nCoventry CV1 5RR")).toBe("Twinning Office, Council House, Coventry CV1 5RR");
  });

  it("lists each document not accessible, or says there is none", () => {
    expect(inaccessibleContentText([], (title) => title, "None known.")).toBe("None known.");
    expect(inaccessibleContentText([{ title: "Charter\n1957" }, { title: "Minutes" }], (title) => `${title}: not checked`, "None known.")).toBe("- Charter 1957: not checked\n- Minutes: not checked");
  });
});
