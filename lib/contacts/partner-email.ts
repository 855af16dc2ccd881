// The email of "Request confirmation from partner", in the contact's preferred language (en, cy,
// de or fr: messages/partnerConfirmation). The partner has no account: no preferences link, and
// the link is the call to action. All text entered by users is escaped in the HTML part.
import { createTranslator } from "use-intl/core";
import { COUNCIL_TIME_ZONE, formatDateTime } from "@/lib/domain/format";
import { labelsIn } from "@/lib/domain/labels";
import { LANGUAGE_TAGS, localizedPath, type Locale } from "@/lib/i18n/locales";
import { NAMESPACES } from "@/lib/i18n/messages";
import { escapeHtml, type RenderedEmail } from "@/lib/notifications/templates";
import type { ConfirmationTerms } from "./terms";

export function partnerTranslator(locale: Locale) {
  return createTranslator({
    locale: LANGUAGE_TAGS[locale],
    messages: { partnerConfirmation: NAMESPACES.partnerConfirmation[locale] },
    namespace: "partnerConfirmation",
    timeZone: COUNCIL_TIME_ZONE,
  });
}

export function partnerConfirmationEmail({
  baseUrl,
  councilName,
  recipientName,
  locale,
  terms,
  token,
  expiresAt,
}: {
  baseUrl: string;
  councilName: string;
  recipientName: string;
  locale: Locale;
  terms: ConfirmationTerms;
  token: string;
  expiresAt: Date;
}): RenderedEmail {
  const t = partnerTranslator(locale);
  const labels = labelsIn(locale);
  const names = { council: councilName, partner: terms.partnerName };
  const subject = t("email.subject", names).replace(/[\r\n]+/g, " ").trim();
  const summary = t("page.summary", { ...names, relationship: labels.relationshipType[terms.relationshipType], title: terms.title });
  const paragraphs = [t("email.asked", names), summary, t("email.expires", { when: formatDateTime(expiresAt, locale) }), t("email.notYou")];
  const url = `${baseUrl}${localizedPath(`/confirm/${token}`, locale)}`;
  const action = t("email.action");
  const footer = t("email.footer", { council: councilName });
  const greeting = t("email.greeting", { name: recipientName });
  const text = [greeting, "", ...paragraphs.flatMap((paragraph) => [paragraph, ""]), `${action}: ${url}`, "", "--", footer].join("\n");
  const html = [
    `<!DOCTYPE html><html lang="${LANGUAGE_TAGS[locale]}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    `<body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #0b0c0c;">`,
    `<p>${escapeHtml(greeting)}</p>`,
    ...paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    `<p><a href="${escapeHtml(url)}">${escapeHtml(action)}</a></p>`,
    `<hr><p style="font-size: 14px;">${escapeHtml(footer)}</p></body></html>`,
  ].join("\n");
  return { subject, text, html };
}
