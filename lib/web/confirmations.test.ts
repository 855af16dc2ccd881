import { describe, expect, it } from "vitest";
import { confirmationFor, confirmationText, pathWithConfirmation } from "./confirmations";

describe("confirmations", () => {
  it("carry their code across a redirect as the first query parameter", () => {
    expect(pathWithConfirmation("/events", "event.created")).toBe("/events?done=created");
    expect(pathWithConfirmation("/exchanges?agreement=a1", "exchange.logged")).toBe("/exchanges?done=logged&agreement=a1");
    expect(pathWithConfirmation("/admin/users/u1", "user.role-unchanged")).toBe("/admin/users/u1?done=role-unchanged");
  });

  it("name the same message on the page the redirect reaches as on a form that stays", () => {
    expect(confirmationFor("vote", "open")).toBe("vote.open");
    expect(confirmationFor("session", "signed-out")).toBe("session.signed-out");
    expect(confirmationText("session.signed-out")).toBe("You have signed out.");
  });

  it("are worded in the page's language", () => {
    expect(confirmationText("session.signed-out", "cy")).toBe("Rydych wedi allgofnodi.");
    // A staff message in a partner language falls back to English.
    expect(confirmationText("agreement.saved", "de")).toBe("The draft has been saved.");
  });

  it("show nothing for another scope's code, a repeated, missing or inherited one", () => {
    expect(confirmationFor("event", "logged")).toBeUndefined();
    expect(confirmationFor("event", ["created", "created"])).toBeUndefined();
    expect(confirmationFor("event", undefined)).toBeUndefined();
    expect(confirmationFor("event", "constructor")).toBeUndefined();
    expect(confirmationFor("event", "__proto__")).toBeUndefined();
  });
});
