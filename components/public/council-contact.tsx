import { contactInline, isEmailAddress } from "@/lib/domain/statements";

/** The council's contact address in the footer: an email address as a mailto: link, a postal address on one line. */
export function CouncilContact({ label, address }: { label: string; address: string }) {
  const inline = contactInline(address);
  return (
    <span>
      {label} {isEmailAddress(inline) ? <a href={`mailto:${inline}`}>{inline}</a> : <span>{inline}</span>}
    </span>
  );
}
