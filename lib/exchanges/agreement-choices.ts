// How agreements are offered in the exchange and event forms and filters. Pure.
import type { AgreementStatus } from "@/generated/prisma/enums";
import { labelsIn } from "@/lib/domain/labels";
import { DEFAULT_LOCALE, LANGUAGE_TAGS, type Locale } from "@/lib/i18n/locales";

export type AgreementChoice = { id: string; status: AgreementStatus; title: string; partner: { name: string } };
export type ChoiceOption = { value: string; label: string };

/**
 * The partner's name, the status when it is not Active ("Volgograd (suspended)", in Welsh
 * "Volgograd (wedi'i atal)": the page's language), and the title when two agreements share a
 * partner name.
 */
export function agreementOptions(choices: readonly AgreementChoice[], locale: Locale = DEFAULT_LOCALE): ChoiceOption[] {
  const statuses = labelsIn(locale).status;
  const count = new Map<string, number>();
  for (const choice of choices) count.set(choice.partner.name, (count.get(choice.partner.name) ?? 0) + 1);
  return [...choices]
    .sort((a, b) => a.partner.name.localeCompare(b.partner.name, "en-GB") || a.title.localeCompare(b.title, "en-GB"))
    .map((choice) => {
      const parts = [choice.partner.name];
      if ((count.get(choice.partner.name) ?? 0) > 1) parts.push(`— ${choice.title}`);
      if (choice.status !== "ACTIVE") parts.push(`(${statuses[choice.status].toLocaleLowerCase(LANGUAGE_TAGS[locale])})`);
      return { value: choice.id, label: parts.join(" ") };
    });
}

/**
 * For a form opened from an agreement's page (?agreement=<id>): that agreement, if it is one of
 * the choices, and the way back to it; else the way back to `list`.
 */
export function openedFrom<C extends AgreementChoice>(
  choices: readonly C[],
  agreement: unknown,
  list: { href: string; label: string },
  /** The way back's words in the page's language ("Back to Kiel"). */
  backTo: (name: string) => string = (name) => `Back to ${name}`,
): { chosen: C | undefined; back: { href: string; label: string } } {
  const chosen = choices.find((choice) => choice.id === agreement);
  return { chosen, back: chosen ? { href: `/agreements/${chosen.id}`, label: backTo(chosen.partner.name) } : list };
}
