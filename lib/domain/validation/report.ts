import { z } from "zod";

/** The first year a report can be asked for (lib/data/annual-report.ts, reportYear). */
export const FIRST_REPORT_YEAR = 1950;

export const YEAR_MESSAGE = "Year must be the year of an annual report, like 2025";

/** "Publish report" and "Withdraw" on /reports/<year>: the year (a hidden field). */
export const reportYearSchema = z.object({
  year: z.coerce.number({ error: YEAR_MESSAGE }).int({ error: YEAR_MESSAGE }).min(FIRST_REPORT_YEAR, { error: YEAR_MESSAGE }).max(9999, { error: YEAR_MESSAGE }),
});

export type ReportYearInput = z.output<typeof reportYearSchema>;
