// GET /import/template.csv — the header row of the partnership import, to fill in. It holds no
// data, so it is public and built once (the column guide is on /import).
import { templateCsv } from "@/lib/import/columns";

export const dynamic = "force-static";

export function GET(): Response {
  return new Response(templateCsv(), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8; header=present",
      "Content-Disposition": 'attachment; filename="partnerships-import-template.csv"',
      "X-Content-Type-Options": "nosniff",
    },
  });
}
