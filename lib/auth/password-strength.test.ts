import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/domain/errors";
import { translateFieldMessage } from "@/lib/domain/validation/messages";
import { guessablePasswordReason, refuseGuessablePassword } from "./password-strength";

const SAM = { email: "sam.lead@council.example", name: "Sam Lead" };

describe("a new password that is easy to guess", () => {
  it.each([
    ["123456789012", "Password is too easy to guess: it is one of the most common passwords"],
    ["qwerty123456", "Password is too easy to guess: it is one of the most common passwords"],
    ["password1234", "Password is too easy to guess: it is a common password with a few letters or numbers added or changed"],
    ["internationally", "Password is too easy to guess: it is a single common word"],
    ["partnership1", "Password is too easy to guess: it is a common word with numbers or symbols added"],
    ["asdfghjkl;'", "Password is too easy to guess: it is a row or pattern of keys on the keyboard"],
    ["abcabcabcabc", "Password is too easy to guess: it repeats characters or a pattern, like aaa or abcabc"],
    ["abcdefghijkl", "Password is too easy to guess: it is a sequence, like abcd or 1234"],
    ["19/07/198519", "Password is too easy to guess: it is mostly a date or a year"],
  ])("%s is refused, saying why", async (password, why) => {
    expect(await guessablePasswordReason(password)).toBe(why);
  });

  it("is refused when it contains the account holder's email name or name, however written", async () => {
    const personal = "Password is too easy to guess: it contains the account holder's name or email address";
    expect(await guessablePasswordReason("Sam.Lead-quiet-harbour", SAM)).toBe(personal);
    expect(await guessablePasswordReason("harbour-SAMLEAD-tractor", SAM)).toBe(personal);
    // Someone else's would be fine.
    expect(await guessablePasswordReason("Sam.Lead-quiet-harbour", { email: "pat@council.example", name: "Pat Jones" })).toBeNull();
  });

  it("takes long random passphrases, and words that do not go together", async () => {
    for (const password of ["velvet-harbour-tractor-minnow-42", "orbit lantern quietly trombone", "Kiel-Dresden-Belgrade-1957", "tz8#Qm2!vX9p"]) {
      expect(await guessablePasswordReason(password, SAM), password).toBeNull();
    }
  });

  it("judges a very long password quickly, on its first 64 characters", async () => {
    await guessablePasswordReason("warm-up-the-dictionaries");
    const started = performance.now();
    expect(await guessablePasswordReason("p4$$w0rd".repeat(25))).not.toBeNull();
    expect(await guessablePasswordReason(`${"velvet-harbour-tractor-minnow-42-".repeat(2)}${"a".repeat(130)}`)).toBeNull();
    // Without the bounds this took seconds of one core; a generous ceiling for a busy machine.
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("is refused beside the form's field", async () => {
    const refusal = await refuseGuessablePassword("password1234", "newPassword", SAM).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).fieldErrors).toEqual({ newPassword: ["Password is too easy to guess: it is a common password with a few letters or numbers added or changed"] });
    await expect(refuseGuessablePassword("velvet-harbour-tractor-minnow-42", "newPassword", SAM)).resolves.toBeUndefined();
  });

  it("says why in Welsh too", async () => {
    expect(translateFieldMessage((await guessablePasswordReason("123456789012"))!, "cy")).toBe("Mae'r cyfrinair yn rhy hawdd i'w ddyfalu: mae'n un o'r cyfrineiriau mwyaf cyffredin");
    expect(translateFieldMessage((await guessablePasswordReason("Sam.Lead-quiet-harbour", SAM))!, "cy")).toBe(
      "Mae'r cyfrinair yn rhy hawdd i'w ddyfalu: mae'n cynnwys enw neu gyfeiriad e-bost deiliad y cyfrif",
    );
  });
});
