"use server";

import { publishReport } from "@/lib/reports/publish-report";
import { withdrawReport } from "@/lib/reports/withdraw-report";
import { createAction } from "@/lib/web/safe-action";
import { reportYearSchema } from "@/lib/domain/validation/report";

export const publishReportAction = createAction({
  permission: "report:publish",
  schema: reportYearSchema,
  invalidates: ["public"],
  run: (input, actor) => publishReport(input, actor),
  redirectTo: (_result, input) => `/reports/${input.year}`,
});

export const withdrawReportAction = createAction({
  permission: "report:publish",
  schema: reportYearSchema,
  invalidates: ["public"],
  run: (input, actor) => withdrawReport(input, actor),
  redirectTo: (_result, input) => `/reports/${input.year}`,
});
