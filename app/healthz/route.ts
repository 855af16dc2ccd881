// Liveness: the process answers. Nothing else is read (no database), so it stays fast when the
// database is slow; /readyz says whether this server can serve.
import { connection } from "next/server";

export async function GET(): Promise<Response> {
  await connection();
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
