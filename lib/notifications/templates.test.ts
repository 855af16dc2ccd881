import { describe, expect, it } from "vitest";
import { backoffMs } from "./send-outbox";
import { escapeHtml, passwordChangedEmail, proposalNewEmail, weeklyDigestEmail } from "./templates";

const common = { baseUrl: "https://twinning.example.gov.uk", councilName: "Coventry & District", recipientName: "Cllr <Dana>" };
const proposal = { agreementTitle: "Kiel\r\nBcc: victim@example.org", partnerName: "Kiel <img src=x onerror=alert(1)>", kind: "SUSPENSION" as const, reason: "Budget \"cut\" & review", proposerName: "Olivia", openedAt: new Date("2026-11-20T10:00:00Z") };

describe("email templates", () => {
  it("escapes every piece of user text in the HTML part and keeps the plain text as written", () => {
    const email = proposalNewEmail({ ...common, proposal });
    expect(email.html).not.toMatch(/<img|<Dana>/);
    expect(email.html).toContain("Kiel &lt;img src=x onerror=alert(1)&gt;");
    expect(email.html).toContain("Budget &quot;cut&quot; &amp; review");
    expect(email.html).toContain("Coventry &amp; District");
    expect(email.text).toContain("Partner: Kiel <img src=x onerror=alert(1)>");
    expect(email.text).toContain("https://twinning.example.gov.uk/approvals");
    expect(email.text).toContain("https://twinning.example.gov.uk/account");
    expect(email.html).toContain('<a href="https://twinning.example.gov.uk/account">Choose which emails you receive</a>');
  });

  it("says a password-changed notice cannot be turned off, with the time and its zone, and escapes the name", () => {
    const email = passwordChangedEmail({ ...common, changedAt: new Date("2026-12-03T14:05:00Z") });
    expect(email.text).toContain("changed on 3 December 2026 at 14:05 GMT");
    expect(email.text).toContain("it is sent whichever emails you choose to receive");
    expect(email.text).not.toContain("Choose which emails you receive");
    expect(email.html).toContain("Dear Cllr &lt;Dana&gt;,");
  });

  it("keeps subjects on one line (no header injection)", () => {
    const { subject } = proposalNewEmail({ ...common, proposal });
    expect(subject).not.toMatch(/[\r\n]/);
    expect(subject).toBe("Decision needed: suspension – Kiel Bcc: victim@example.org");
  });

  it("says None for an empty digest list, and lists items otherwise", () => {
    const email = weeklyDigestEmail({ ...common, week: "2026-W49", dormancyMonths: 24, reviews: [], dormant: [{ title: "Belgrade link", partnerName: "Belgrade" }] });
    expect(email.text).toMatch(/Review dates due within 90 days\n-+\nNone\./);
    expect(email.text).toContain("- Belgrade link (Belgrade)");
    expect(email.html).toContain("<li>Belgrade link (Belgrade)</li>");
  });

  it("writes to a Welsh recipient in Welsh: words, dates, <html lang> and links to the /cy/ pages", () => {
    const email = proposalNewEmail({ ...common, locale: "cy", proposal });
    expect(email.subject).toBe("Angen penderfyniad: atal – Kiel Bcc: victim@example.org");
    expect(email.html).toContain('<html lang="cy-GB">');
    expect(email.text).toContain("Annwyl Cllr <Dana>,");
    expect(email.text).toContain("Cynnig: Atal");
    expect(email.text).toContain("Cynigiwyd ar: 20 Tachwedd 2026");
    expect(email.text).toContain("https://twinning.example.gov.uk/cy/approvals");
    expect(email.html).toContain('<a href="https://twinning.example.gov.uk/cy/account">Dewiswch pa negeseuon e-bost a gewch</a>');
    expect(email.html).toContain("Coventry &amp; District · Swyddfa Gefeillio");
    expect(email.text).not.toMatch(/Dear|Proposed on|Choose which emails/);

    const digest = weeklyDigestEmail({ ...common, locale: "cy", week: "2026-W49", dormancyMonths: 24, reviews: [], dormant: [] });
    expect(digest.subject).toBe("Crynodeb gefeillio wythnosol (2026-W49): 0 adolygiad yn ddyledus, 0 yn segur");
    expect(digest.text).toMatch(/Dyddiadau adolygu o fewn 90 diwrnod\n-+\nDim\./);

    const notice = passwordChangedEmail({ ...common, locale: "cy", changedAt: new Date("2026-12-03T14:05:00Z") });
    expect(notice.subject).toBe("Mae eich cyfrinair Swyddfa Gefeillio wedi'i newid");
    expect(notice.text).toContain("https://twinning.example.gov.uk/cy/account");
    expect(notice.text).toContain("Hysbysiad diogelwch am eich cyfrif");
  });

  it("writes in English with <html lang=en-GB> and links without a prefix when no language or English is given", () => {
    const email = proposalNewEmail({ ...common, locale: "en", proposal });
    expect(email.html).toContain('<html lang="en-GB">');
    expect(email.text).toContain("Dear Cllr <Dana>,");
    expect(email.text).not.toContain("/cy/");
    expect(proposalNewEmail({ ...common, proposal })).toEqual(email);
  });

  it("escapeHtml covers the five characters", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });

  it("backs off exponentially, capped at six hours", () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(backoffMs(30)).toBe(6 * 60 * 60 * 1000);
  });
});
