// A new password must also be hard to guess (ASVS 2.1.7; NIST SP 800-63B 5.1.1.2): zxcvbn
// estimates the guesses it would take from lists of common and breached passwords, English words
// and names, keyboard patterns, repeats, sequences and dates, all held offline. Its dictionaries are
// megabytes, so they load on the first password set and never reach the browser: the
// shared schema (newPasswordField) checks the length on both sides, and every operation that sets a
// password calls refuseGuessablePassword on the server.
import type { MatchExtended, TranslationKeys, ZxcvbnFactory, ZxcvbnResult } from "@zxcvbn-ts/core";
import { AppError } from "@/lib/domain/errors";
import { validationMessage } from "@/lib/domain/validation/messages";

/** zxcvbn scores 0–4; 3 and up take more than 10^8 guesses ("safely unguessable" against an online attack). */
export const MIN_PASSWORD_SCORE = 3;

/** Whose password it is, when known: a password may not contain their email's name or their own name. */
export type PasswordOwner = { email?: string | null; name?: string | null };

/** Why a password is refused, in English (worded again in the page's language by the registry). */
const REASON = {
  guessable: validationMessage("check.guessablePassword"),
  common: validationMessage("check.guessablePasswordCommon"),
  commonChanged: validationMessage("check.guessablePasswordCommonChanged"),
  word: validationMessage("check.guessablePasswordWord"),
  wordAdded: validationMessage("check.guessablePasswordWordAdded"),
  names: validationMessage("check.guessablePasswordNames"),
  keyboard: validationMessage("check.guessablePasswordKeyboard"),
  repeat: validationMessage("check.guessablePasswordRepeat"),
  sequence: validationMessage("check.guessablePasswordSequence"),
  date: validationMessage("check.guessablePasswordDate"),
  personal: validationMessage("check.guessablePasswordPersonal"),
};

/** zxcvbn's warnings come back as these keys (its default translations): each is worded by us. */
const REASON_BY_WARNING: Record<keyof TranslationKeys["warnings"], string> = {
  topTen: REASON.common,
  topHundred: REASON.common,
  common: REASON.common,
  pwned: REASON.common,
  similarToCommon: REASON.commonChanged,
  wordByItself: REASON.word,
  namesByThemselves: REASON.names,
  commonNames: REASON.names,
  straightRow: REASON.keyboard,
  keyPattern: REASON.keyboard,
  simpleRepeat: REASON.repeat,
  extendedRepeat: REASON.repeat,
  sequences: REASON.sequence,
  recentYears: REASON.date,
  dates: REASON.date,
  userInputs: REASON.personal,
};

let estimator: Promise<ZxcvbnFactory> | undefined;
let dropEstimator: ReturnType<typeof setTimeout> | undefined;

/**
 * The estimator's ranked dictionaries hold about 15 MB of the server's heap and take about 0.1 s
 * to build, and a council sets few passwords: they go 10 s after the last check, before the demo's
 * server collects its garbage once idle (docs/decisions/014-demo-footprint.md).
 */
const KEEP_ESTIMATOR_MS = 10_000;

/** The estimator with its dictionaries, built on first use and kept while passwords are being set. */
function loadEstimator(): Promise<ZxcvbnFactory> {
  clearTimeout(dropEstimator);
  dropEstimator = setTimeout(() => (estimator = undefined), KEEP_ESTIMATOR_MS);
  dropEstimator.unref?.();
  estimator ??= Promise.all([import("@zxcvbn-ts/core"), import("@zxcvbn-ts/language-common"), import("@zxcvbn-ts/language-en")]).then(
    ([{ ZxcvbnFactory }, common, english]) =>
      new ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...english.dictionary },
        graphs: common.adjacencyGraphs,
        // Only the first 64 characters are judged, with few l33t substitutions tried: the search
        // grows fast with both (a long password of l33t symbols held the process for seconds), and
        // 64 characters that are hard to guess make a password that is.
        maxLength: 64,
        l33tMaxSubstitutions: 10,
      }),
  );
  return estimator;
}

/** Lower case, letters and digits only: "Sam.Lead" and "sam-lead" are the same name. */
function letters(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

/** The owner's email name (before the @) and name, whole: a password that contains either is refused. */
function ownerIdentity({ email, name }: PasswordOwner): string[] {
  return [email?.split("@")[0], name].map((text) => letters(text ?? "")).filter((text) => text.length >= 3);
}

/** The words of the owner's email name and name: zxcvbn counts them as the first words an attacker tries. */
function ownerWords({ email, name }: PasswordOwner): string[] {
  return [email?.split("@")[0], name].flatMap((text) => (text ?? "").toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((word) => word.length >= 3);
}

/** What makes the password guessable when zxcvbn gives no warning: its longest part, as zxcvbn picks it. */
function reasonFromLongestPart(sequence: MatchExtended[]): string {
  const longest = sequence.reduce<MatchExtended | undefined>((best, match) => (best && best.token.length >= match.token.length ? best : match), undefined);
  switch (longest?.pattern) {
    case "dictionary": {
      const dictionary = String(longest.dictionaryName);
      if (dictionary === "userInputs") return REASON.personal;
      if (dictionary.includes("passwords")) return REASON.commonChanged;
      if (dictionary.includes("names")) return REASON.names;
      return sequence.length === 1 ? REASON.word : REASON.wordAdded;
    }
    case "wordSequence":
      return REASON.wordAdded;
    case "spatial":
      return REASON.keyboard;
    case "repeat":
      return REASON.repeat;
    case "sequence":
      return REASON.sequence;
    case "date":
      return REASON.date;
    case "regex":
      return longest.regexName === "recentYear" ? REASON.date : REASON.guessable;
    default:
      return REASON.guessable;
  }
}

function reasonFor(result: ZxcvbnResult): string {
  const warning = result.feedback.warning;
  if (warning !== null && warning in REASON_BY_WARNING) return REASON_BY_WARNING[warning as keyof typeof REASON_BY_WARNING];
  return reasonFromLongestPart(result.sequence);
}

/** Why `password` is too easy to guess (an English validation message), or null when it is not. */
export async function guessablePasswordReason(password: string, owner: PasswordOwner = {}): Promise<string | null> {
  const plain = letters(password);
  if (ownerIdentity(owner).some((identity) => plain.includes(identity))) return REASON.personal;
  const result = (await loadEstimator()).check(password, ownerWords(owner));
  return result.score >= MIN_PASSWORD_SCORE ? null : reasonFor(result);
}

/** Refuses a guessable new password with the reason, beside the form's field (`password`, `newPassword`). */
export async function refuseGuessablePassword(password: string, field: string, owner: PasswordOwner = {}): Promise<void> {
  const reason = await guessablePasswordReason(password, owner);
  if (reason) throw new AppError("VALIDATION", reason, { [field]: [reason] });
}
