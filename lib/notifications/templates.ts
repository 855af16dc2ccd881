// Every email as plain text and accessible HTML. Pure: no database. All user-entered text is
// escaped in the HTML part; the plain-text part is never interpreted.
import type { ProposalKind } from "@/generated/prisma/enums";
import { PROPOSAL_KIND_LABELS } from "@/lib/domain/labels";
import { REVIEW_WINDOW_DAYS } from "@/lib/domain/lifecycle";
import { formatDate, formatDateTime } from "@/lib/domain/format";

export type RenderedEmail = { subject: string; text: string; html: string };

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

/** Subjects are one line: no header injection through a partner's name. */
function oneLine(value: string): string {
  return value.replace(/[\r\n]+/g, " ").trim();
}

type Block = { heading?: string; paragraphs?: string[]; facts?: [string, string][]; list?: string[] };

type Layout = {
  baseUrl: string;
  councilName: string;
  subject: string;
  greeting: string;
  blocks: Block[];
  action?: { label: string; path: string };
  /** A security notice is sent whatever the user's choices: its footer says so instead of linking to them. */
  securityNotice?: boolean;
};

/** The shared frame: greeting, content, one call to action, and the link to preferences. */
function render({ baseUrl, councilName, subject, greeting, blocks, action, securityNotice = false }: Layout): RenderedEmail {
  const preferences = `${baseUrl}/account`;
  const text: string[] = [greeting, ""];
  const html: string[] = [
    `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>${escapeHtml(oneLine(subject))}</title></head>`,
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
        text.push("None.", "");
        html.push("<p>None.</p>");
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
    const url = `${baseUrl}${action.path}`;
    text.push(`${action.label}: ${url}`, "");
    html.push(`<p><a href="${escapeHtml(url)}">${escapeHtml(action.label)}</a></p>`);
  }
  if (securityNotice) {
    const notice = "This is a security notice about your account: it is sent whichever emails you choose to receive.";
    text.push("--", `${councilName} · Twinning Office`, notice);
    html.push(`<hr><p style="font-size: 14px;">${escapeHtml(councilName)} · Twinning Office<br>`, `${escapeHtml(notice)}</p></body></html>`);
  } else {
    text.push("--", `${councilName} · Twinning Office`, `Choose which emails you receive: ${preferences}`);
    html.push(
      `<hr><p style="font-size: 14px;">${escapeHtml(councilName)} · Twinning Office<br>`,
      `<a href="${escapeHtml(preferences)}">Choose which emails you receive</a></p></body></html>`,
    );
  }
  return { subject: oneLine(subject), text: text.join("\n"), html: html.join("\n") };
}

type Common = { baseUrl: string; councilName: string; recipientName: string };

export type ProposalFacts = { agreementTitle: string; partnerName: string; kind: ProposalKind; reason: string; proposerName: string; openedAt: Date };

export function proposalNewEmail({ proposal, ...common }: Common & { proposal: ProposalFacts }): RenderedEmail {
  const kind = PROPOSAL_KIND_LABELS[proposal.kind];
  return render({
    ...common,
    subject: `Decision needed: ${kind.toLowerCase()} – ${proposal.agreementTitle}`,
    greeting: `Dear ${common.recipientName},`,
    blocks: [
      {
        paragraphs: [`${proposal.proposerName} has asked councillors to decide on a proposal. It stays open until enough councillors approve it or one rejects it.`],
        facts: [
          ["Agreement", proposal.agreementTitle],
          ["Partner", proposal.partnerName],
          ["Proposal", kind],
          ["Reason", proposal.reason],
          ["Proposed on", formatDate(proposal.openedAt)],
        ],
      },
    ],
    action: { label: "Review proposals awaiting your decision", path: "/approvals" },
  });
}

export function proposalReminderEmail({ proposal, daysOpen, ...common }: Common & { proposal: ProposalFacts; daysOpen: number }): RenderedEmail {
  const kind = PROPOSAL_KIND_LABELS[proposal.kind];
  return render({
    ...common,
    subject: `Reminder: ${kind.toLowerCase()} – ${proposal.agreementTitle} still awaits your decision`,
    greeting: `Dear ${common.recipientName},`,
    blocks: [
      {
        paragraphs: [`This proposal has been open for ${daysOpen} days and you have not yet voted on it.`],
        facts: [
          ["Agreement", proposal.agreementTitle],
          ["Partner", proposal.partnerName],
          ["Proposal", kind],
          ["Reason", proposal.reason],
          ["Proposed by", proposal.proposerName],
          ["Proposed on", formatDate(proposal.openedAt)],
        ],
      },
    ],
    action: { label: "Review proposals awaiting your decision", path: "/approvals" },
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
  const kind = PROPOSAL_KIND_LABELS[proposal.kind];
  const facts: [string, string][] = [
    ["Agreement", proposal.agreementTitle],
    ["Partner", proposal.partnerName],
    ["Proposal", kind],
    ["Outcome", outcome === "approved" ? "Approved" : "Rejected"],
    ["Decided by", decidedBy],
  ];
  if (decisionReason) facts.push(["Reason given", decisionReason]);
  return render({
    ...common,
    subject: `${outcome === "approved" ? "Approved" : "Rejected"}: ${kind.toLowerCase()} – ${proposal.agreementTitle}`,
    greeting: `Dear ${common.recipientName},`,
    blocks: [{ paragraphs: [`Councillors have reached a decision on a proposal you made or on a link you lead.`], facts }],
    action: { label: "See the agreement and its decisions", path: `/agreements/${agreementId}` },
  });
}

export type DigestReview = { title: string; partnerName: string; reviewDate: Date };
export type DigestDormant = { title: string; partnerName: string };

export function weeklyDigestEmail({ week, reviews, dormant, dormancyMonths, ...common }: Common & { week: string; reviews: DigestReview[]; dormant: DigestDormant[]; dormancyMonths: number }): RenderedEmail {
  return render({
    ...common,
    subject: `Weekly twinning digest (${week}): ${reviews.length} ${reviews.length === 1 ? "review" : "reviews"} due, ${dormant.length} dormant`,
    greeting: `Dear ${common.recipientName},`,
    blocks: [
      { heading: `Review dates due within ${REVIEW_WINDOW_DAYS} days`, list: reviews.map((review) => `${review.title} (${review.partnerName}): review by ${formatDate(review.reviewDate)}`) },
      {
        heading: "Dormant links",
        paragraphs: [`Active links with no exchange or event in the last ${dormancyMonths} months.`],
        list: dormant.map((link) => `${link.title} (${link.partnerName})`),
      },
    ],
    action: { label: "Open the agreements list", path: "/agreements" },
  });
}

/** A security notice: sent whatever the user's preferences, so its footer links to none. */
export function passwordChangedEmail({ changedAt, ...common }: Common & { changedAt: Date }): RenderedEmail {
  return render({
    ...common,
    subject: "Your Twinning Office password has been changed",
    greeting: `Dear ${common.recipientName},`,
    blocks: [
      {
        paragraphs: [
          `The password of your account was changed on ${formatDateTime(changedAt)}. Every other session of yours has been signed out.`,
          "If you did not change it, contact your council's IT service desk or an administrator of the Twinning Office at once: they can reset your password.",
        ],
      },
    ],
    action: { label: "Sign in to your account", path: "/account" },
    securityNotice: true,
  });
}
