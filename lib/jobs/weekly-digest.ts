// The weekly digest to staff: review dates due (REVIEW_WINDOW_DAYS) and dormant links. Claimed per ISO
// week in the same transaction that queues the emails, so it goes out once per week however many
// machines run the jobs.
import { dormantCondition } from "@/lib/data/activity";
import { reviewDueCondition } from "@/lib/data/agreements";
import { db } from "@/lib/db";
import { appUrl } from "@/lib/notifications/config";
import { enqueue, withKindEnabled } from "@/lib/notifications/enqueue";
import { NOTIFICATION_KIND_INFO } from "@/lib/notifications/kinds";
import { weeklyDigestEmail, type DigestReview } from "@/lib/notifications/templates";
import { readSettings } from "@/lib/settings";
import { claimJobPeriod, finishJobPeriod } from "./job-run";
import { isoWeekPeriod } from "./periods";

export const DIGEST_JOB = "weekly-digest";
const LIST_LIMIT = 100;

export type DigestResult = { period: string; ran: boolean; enqueued: number };

export async function runWeeklyDigest(now = new Date()): Promise<DigestResult> {
  const period = isoWeekPeriod(now);
  return db.$transaction(async (tx) => {
    if (!(await claimJobPeriod(tx, DIGEST_JOB, period))) return { period, ran: false, enqueued: 0 };
    const { councilName, dormancyMonths } = await readSettings(tx);
    const reviews = await tx.$queryRaw<DigestReview[]>`
      SELECT a."title", p."name" AS "partnerName", a."reviewDate" FROM "Agreement" a JOIN "Partner" p ON p."id" = a."partnerId"
      WHERE ${reviewDueCondition(now)} ORDER BY a."reviewDate" ASC, a."id" ASC LIMIT ${LIST_LIMIT}`;
    const dormant = await tx.$queryRaw<{ title: string; partnerName: string }[]>`
      SELECT a."title", p."name" AS "partnerName" FROM "Agreement" a JOIN "Partner" p ON p."id" = a."partnerId"
      WHERE ${await dormantCondition(now, dormancyMonths, tx)} ORDER BY p."name" ASC, a."id" ASC LIMIT ${LIST_LIMIT}`;
    let enqueued = 0;
    if (reviews.length > 0 || dormant.length > 0) {
      const staff = await tx.user.findMany({
        where: { active: true, role: { in: [...NOTIFICATION_KIND_INFO.WEEKLY_DIGEST.roles] } },
        orderBy: { email: "asc" },
        select: { id: true, email: true, name: true, language: true },
      });
      const recipients = await withKindEnabled(tx, "WEEKLY_DIGEST", staff);
      const baseUrl = appUrl();
      const items = {
        week: period,
        dormancyMonths,
        reviews,
        dormant,
      };
      enqueued = await enqueue(
        tx,
        recipients.map((recipient) => ({
          kind: "WEEKLY_DIGEST" as const,
          recipient,
          dedupeKey: `digest:${period}:${recipient.id}`,
          email: weeklyDigestEmail({ baseUrl, councilName, recipientName: recipient.name, locale: recipient.language, ...items }),
        })),
      );
    }
    await finishJobPeriod(tx, DIGEST_JOB, period, { reviews: reviews.length, dormant: dormant.length, enqueued });
    return { period, ran: true, enqueued };
  });
}
