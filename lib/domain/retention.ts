// The retention schedule (docs/data-protection.md): from the council's periods and a moment, the
// instant before which each kind of personal data is cleared. Pure: no database, no framework.
import { dormancyCutoff } from "./dormancy";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The council's retention periods (lib/settings.ts). */
export type RetentionPeriods = { auditAddressMonths: number; sentEmailDays: number; participantsMonths: number; failedSignInDays: number; contactsMonths: number; photosMonths: number };

export type RetentionCutoffs = {
  /** Audit rows created before it lose their IP address. */
  auditAddresses: Date;
  /** Emails sent (or given up) before it lose their bodies. */
  emailBodies: Date;
  /** Exchanges that ended on or before this day lose their participants description. */
  participants: Date;
  /** Failed sign-ins recorded before it lose the email and the address. */
  failedSignIns: Date;
  /** Contacts of a link that ended (terminated or withdrawn) before it are deleted. */
  contacts: Date;
  /** Photos of a link that ended before it are deleted, bytes and all (a decided proposal's background paper is kept). */
  photos: Date;
};

/** The audit actions of a failed sign-in: the email typed may belong to nobody. */
export const FAILED_SIGN_IN_ACTIONS = ["auth.sign-in-failed", "auth.sign-in-locked"];

export function retentionCutoffs(now: Date, periods: RetentionPeriods): RetentionCutoffs {
  return {
    // Months are calendar months, counted as the dormancy rule counts them (a whole day, UTC).
    auditAddresses: dormancyCutoff(now, periods.auditAddressMonths),
    emailBodies: new Date(now.getTime() - periods.sentEmailDays * DAY_MS),
    participants: dormancyCutoff(now, periods.participantsMonths),
    failedSignIns: new Date(now.getTime() - periods.failedSignInDays * DAY_MS),
    contacts: dormancyCutoff(now, periods.contactsMonths),
    photos: dormancyCutoff(now, periods.photosMonths),
  };
}
