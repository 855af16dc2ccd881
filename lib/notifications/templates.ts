// Every email as plain text and accessible HTML, in the recipient's language (English or Welsh:
// User.language). Pure: no database. Its words are messages/emails; all user-entered text is escaped
// in the HTML part; the plain-text part is never interpreted.
import { createTranslator } from "use-intl/core";
import type { ProposalKind } from "@/generated/prisma/enums";
import { labelsIn } from "@/lib/domain/labels";
import { REVIEW_WINDOW_DAYS } from "@/lib/domain/lifecycle";
import { COUNCIL_TIME_ZONE, formatDate, formatDateTime } from "@/lib/domain/format";
import { LANGUAGE_TAGS, localizedPath, type StaffLocale } from "@/lib/i18n/locales";
import { NAMESPACES } from "@/lib/i18n/messages";

export type RenderedEmail = { subject: string; text: string; html: string };

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

/** Subjects are one line: no header injection through a partner's name. */
function oneLine(value: string): string {
  return value.replace(/[\r\n]+/g, " ").trim();
}

/** The words of the emails in `locale` (messages/emails). */
function translator(locale: StaffLocale) {
  return createTranslator({
    locale: LANGUAGE_TAGS[locale],
    messages: { emails: NAMESPACES.emails[locale] ?? NAMESPACES.emails.en },
    namespace: "emails",
    timeZone: COUNCIL_TIME_ZONE,
  });
}

type Translate = ReturnType<typeof translator>;

type Block = { heading?: string; paragraphs?: string[]; facts?: [string, string][]; list?: string[] };

type Layout = {
  baseUrl: string;
  councilName: string;
  locale: StaffLocale;
  t: Translate;
  subject: string;
  greeting: string;
  blocks: Block[];
  /** `path` without a language prefix: a Welsh recipient is sent to its /cy/ address. */
  action?: { label: string; path: string };
  /** A security notice is sent whatever the user's choices: its footer says so instead of linking to them. */
  securityNotice?: boolean;
};

/** The shared frame: greeting, content, one call to action, and the link to preferences. */
function render({ baseUrl, councilName, locale, t, subject, greeting, blocks, action, securityNotice = false }: Layout): RenderedEmail {
  const preferences = `${baseUrl}${localizedPath("/account", locale)}`;
  const office = t("footer.office", { council: councilName });
  const text: string[] = [greeting, ""];
  const html: string[] = [
    `<!DOCTYPE html><html lang="${LANGUAGE_TAGS[locale]}"><head><meta charset="utf-8"><title>${escapeHtml(oneLine(subject))}</title></head>`,
    `<body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #0b0c0c;">`,
    `<p>${escapeHtml(greeting)}</p>`,
  ];
  for (const block of blocks) {
    if (block.heading) {
      text.push(block.heading, "-".repeat(block.heading.length));
      html.push(`<h2 style="font-size: 19px;">${escapeHtml(block.heading)}</h2>`);
    }
    for (const paragraph of block.paragraphs ?? []) {
      text.push(paragraph, "");
      html.push(`<p>${escapeHtml(paragraph)}</p>`);
    }
    if (block.facts?.length) {
      html.push("<dl>");
      for (const [term, value] of block.facts) {
        text.push(`${term}: ${value}`);
        html.push(`<dt style="font-weight: bold;">${escapeHtml(term)}</dt><dd style="margin: 0 0 8px 0; white-space: pre-wrap;">${escapeHtml(value)}</dd>`);
      }
      html.push("</dl>");
      text.push("");
    }
    if (block.list) {
      if (block.list.length === 0) {
        text.push(t("none"), "");
        html.push(`<p>${escapeHtml(t("none"))}</p>`);
      } else {
        html.push("<ul>");
        for (const item of block.list) {
          text.push(`- ${item}`);
          html.push(`<li>${escapeHtml(item)}</li>`);
        }
        html.push("</ul>");
        text.push("");
      }
    }
  }
  if (action) {
    const url = `${baseUrl}${localizedPath(action.path, locale)}`;
    text.push(`${action.label}: ${url}`, "");
    html.push(`<p><a href="${escapeHtml(url)}">${escapeHtml(action.label)}</a></p>`);
  }
  if (securityNotice) {
    const notice = t("footer.securityNotice");
    text.push("--", office, notice);
    html.push(`<hr><p style="font-size: 14px;">${escapeHtml(office)}<br>`, `${escapeHtml(notice)}</p></body></html>`);
  } else {
    const choose = t("footer.choose");
    text.push("--", office, `${choose}: ${preferences}`);
    html.push(`<hr><p style="font-size: 14px;">${escapeHtml(office)}<br>`, `<a href="${escapeHtml(preferences)}">${escapeHtml(choose)}</a></p></body></html>`);
  }
  return { subject: oneLine(subject), text: text.join("\n"), html: html.join("\n") };
}

/** `locale`: the recipient's own language (User.language); English when not given. */
type Common = { baseUrl: string; councilName: string; recipientName: string; locale?: StaffLocale };

/** What every email shares: the recipient's language, its words and the greeting. */
function frame({ baseUrl, councilName, recipientName, locale = "en" }: Common) {
  const t = translator(locale);
  return { baseUrl, councilName, locale, t, greeting: t("greeting", { name: recipientName }) };
}

export type ProposalFacts = { agreementTitle: string; partnerName: string; kind: ProposalKind; reason: string; proposerName: string; openedAt: Date };

function kindOf(proposal: ProposalFacts, locale: StaffLocale): string {
  return labelsIn(locale).proposalKind[proposal.kind];
}

export function proposalNewEmail({ proposal, ...common }: Common & { proposal: ProposalFacts }): RenderedEmail {
  const base = frame(common);
  const { t, locale } = base;
  const kind = kindOf(proposal, locale);
  return render({
    ...base,
    subject: t("proposalNew.subject", { kind: kind.toLowerCase(), agreement: proposal.agreementTitle }),
    blocks: [
      {
        paragraphs: [t("proposalNew.body", { proposer: proposal.proposerName })],
        facts: [
          [t("facts.agreement"), proposal.agreementTitle],
          [t("facts.partner"), proposal.partnerName],
          [t("facts.proposal"), kind],
          [t("facts.reason"), proposal.reason],
          [t("facts.proposedOn"), formatDate(proposal.openedAt, locale)],
        ],
      },
    ],
    action: { label: t("reviewProposals"), path: "/approvals" },
  });
}

export function proposalReminderEmail({ proposal, daysOpen, ...common }: Common & { proposal: ProposalFacts; daysOpen: number }): RenderedEmail {
  const base = frame(common);
  const { t, locale } = base;
  const kind = kindOf(proposal, locale);
  return render({
    ...base,
    subject: t("proposalReminder.subject", { kind: kind.toLowerCase(), agreement: proposal.agreementTitle }),
    blocks: [
      {
        paragraphs: [t("proposalReminder.body", { days: daysOpen })],
        facts: [
          [t("facts.agreement"), proposal.agreementTitle],
          [t("facts.partner"), proposal.partnerName],
          [t("facts.proposal"), kind],
          [t("facts.reason"), proposal.reason],
          [t("facts.proposedBy"), proposal.proposerName],
          [t("facts.proposedOn"), formatDate(proposal.openedAt, locale)],
        ],
      },
    ],
    action: { label: t("reviewProposals"), path: "/approvals" },
  });
}

export function decisionReachedEmail({
  proposal,
  outcome,
  decidedBy,
  decisionReason,
  agreementId,
  ...common
}: Common & { proposal: ProposalFacts; outcome: "approved" | "rejected"; decidedBy: string; decisionReason: string | null; agreementId: string }): RenderedEmail {
  const base = frame(common);
  const { t, locale } = base;
  const kind = kindOf(proposal, locale);
  const outcomeText = outcome === "approved" ? t("decisionReached.approved") : t("decisionReached.rejected");
  const facts: [string, string][] = [
    [t("facts.agreement"), proposal.agreementTitle],
    [t("facts.partner"), proposal.partnerName],
    [t("facts.proposal"), kind],
    [t("facts.outcome"), outcomeText],
    [t("facts.decidedBy"), decidedBy],
  ];
  if (decisionReason) facts.push([t("facts.reasonGiven"), decisionReason]);
  return render({
    ...base,
    subject: `${outcomeText}: ${kind.toLowerCase()} – ${proposal.agreementTitle}`,
    blocks: [{ paragraphs: [t("decisionReached.body")], facts }],
    action: { label: t("decisionReached.action"), path: `/agreements/${agreementId}` },
  });
}

/** What happened to a decision in its call-in period (docs/decisions/023-call-in.md). */
export type CallInEmailEvent = "calledIn" | "noFurtherAction" | "referredBack" | "referredToCouncil" | "confirmed" | "withdrawn" | "tookEffect";

export function callInEmail({ proposal, event, by, reason, agreementId, ...common }: Common & { proposal: ProposalFacts; event: CallInEmailEvent; by: string | null; reason: string | null; agreementId: string }): RenderedEmail {
  const base = frame(common);
  const { t, locale } = base;
  const kind = kindOf(proposal, locale);
  const facts: [string, string][] = [
    [t("facts.agreement"), proposal.agreementTitle],
    [t("facts.partner"), proposal.partnerName],
    [t("facts.proposal"), kind],
  ];
  if (by) facts.push([t("callIn.by"), by]);
  if (reason) facts.push([t("facts.reasonGiven"), reason]);
  return render({
    ...base,
    subject: `${t(`callIn.subject.${event}`)}: ${kind.toLowerCase()} – ${proposal.agreementTitle}`,
    blocks: [{ paragraphs: [t(`callIn.body.${event}`)], facts }],
    action: { label: t("decisionReached.action"), path: `/agreements/${agreementId}` },
  });
}

export type DigestReview = { title: string; partnerName: string; reviewDate: Date };
export type DigestDormant = { title: string; partnerName: string };

export function weeklyDigestEmail({ week, reviews, dormant, dormancyMonths, ...common }: Common & { week: string; reviews: DigestReview[]; dormant: DigestDormant[]; dormancyMonths: number }): RenderedEmail {
  const base = frame(common);
  const { t, locale } = base;
  return render({
    ...base,
    subject: t("weeklyDigest.subject", { week, reviews: reviews.length, dormant: dormant.length }),
    blocks: [
      {
        heading: t("weeklyDigest.reviewsHeading", { days: REVIEW_WINDOW_DAYS }),
        list: reviews.map((review) => t("weeklyDigest.reviewItem", { title: review.title, partner: review.partnerName, date: formatDate(review.reviewDate, locale) })),
      },
      {
        heading: t("weeklyDigest.dormantHeading"),
        paragraphs: [t("weeklyDigest.dormantBody", { months: dormancyMonths })],
        list: dormant.map((link) => `${link.title} (${link.partnerName})`),
      },
    ],
    action: { label: t("weeklyDigest.action"), path: "/agreements" },
  });
}

/** A security notice: sent whatever the user's preferences, so its footer links to none. */
export function passwordChangedEmail({ changedAt, ...common }: Common & { changedAt: Date }): RenderedEmail {
  const base = frame(common);
  const { t, locale } = base;
  return render({
    ...base,
    subject: t("passwordChanged.subject"),
    blocks: [{ paragraphs: [t("passwordChanged.changed", { when: formatDateTime(changedAt, locale) }), t("passwordChanged.notYou")] }],
    action: { label: t("passwordChanged.action"), path: "/account" },
    securityNotice: true,
  });
}

/**
 * A password reset link (lib/auth/password-reset.ts): the link is the call to action, in the
 * recipient's language. A security message: sent whatever the user's preferences.
 */
export function passwordResetEmail({ token, expiresAt, ...common }: Common & { token: string; expiresAt: Date }): RenderedEmail {
  const base = frame(common);
  const { t, locale } = base;
  return render({
    ...base,
    subject: t("passwordReset.subject"),
    blocks: [{ paragraphs: [t("passwordReset.asked"), t("passwordReset.expires", { when: formatDateTime(expiresAt, locale) }), t("passwordReset.notYou")] }],
    action: { label: t("passwordReset.action"), path: `/password-reset/${token}` },
    securityNotice: true,
  });
}

/** What changed about a user's two-step verification (twoStepChangedEmail). */
export type TwoStepChange = "on" | "off" | "reset" | "codes";

/** A security notice: two-step verification changed. Sent whatever the user's preferences. */
export function twoStepChangedEmail({ change, changedAt, ...common }: Common & { change: TwoStepChange; changedAt: Date }): RenderedEmail {
  const base = frame(common);
  const { t, locale } = base;
  return render({
    ...base,
    subject: t("twoStepChanged.subject"),
    blocks: [{ paragraphs: [t(`twoStepChanged.${change}`, { when: formatDateTime(changedAt, locale) }), t("twoStepChanged.notYou")] }],
    action: { label: t("twoStepChanged.action"), path: "/account" },
    securityNotice: true,
  });
}
