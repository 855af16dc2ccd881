// Readiness: the database answers, this build's migrations are applied, the jobs ran lately
// (lib/config/readiness.ts). 200 or 503, with a JSON body naming each check's problem.
import { connection } from "next/server";
import { checkReadiness } from "@/lib/config/readiness";

export async function GET(): Promise<Response> {
  await connection();
  const readiness = await checkReadiness();
  return Response.json(readiness, { status: readiness.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
