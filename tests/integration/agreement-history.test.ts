// One link's whole history for a freedom-of-information answer, through its route handler: an
// officer gets every decision with its internal and public reasons, the activity and the audit
// rows as one JSON file; a councillor is refused, a visitor sent to sign in, an unknown link is 404.
// First: it installs the AsyncLocalStorage global that Next's modules expect when they load.
import { inRequest } from "../helpers/request-context";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET as history } from "@/app/agreements/[id]/history.json/route";
import { writeAudit } from "@/lib/audit";
import { startSession } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { appendDecision } from "@/lib/decisions/chain";
import { createAgreement, createCouncillor, createStaff, resetDatabase, type TestUser } from "../helpers/database";

vi.mock("next/cache", async () => (await import("../helpers/request-context")).nextCacheMock);

const SITE = "http://localhost:3000";

async function cookiesOf(user: TestUser | null): Promise<Record<string, string>> {
  if (!user) return {};
  const record = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { id: true, email: true, name: true, role: true, sessionVersion: true } });
  return (await inRequest({}, () => startSession(record))).setCookies;
}

async function get(user: TestUser | null, id: string) {
  const path = `/agreements/${id}/history.json`;
  const { value } = await inRequest({ cookies: await cookiesOf(user), path }, async () => {
    const response = await history(new Request(`${SITE}${path}`), { params: Promise.resolve({ id }) });
    return { status: response.status, location: response.headers.get("location"), disposition: response.headers.get("content-disposition"), text: await response.text() };
  });
  return value;
}

let staff: TestUser;

beforeEach(async () => {
  await resetDatabase();
  staff = await createStaff();
});

describe("GET /agreements/<id>/history.json", () => {
  it("gives an officer the link's decisions with both reasons, its exchanges and its audit rows, and nobody else's", async () => {
    const link = await createAgreement({ createdBy: staff, partnerName: "Hamburg" });
    const other = await createAgreement({ createdBy: staff, partnerName: "Lyon" });
    await db.$transaction(async (tx) => {
      await appendDecision(tx, { agreementId: link.id, kind: "STATUS_CHANGED", actorId: staff.id, fromStatus: "ACTIVE", toStatus: "SUSPENDED", reason: "Internal: the leader asked.", publicReason: "Elections in Hamburg." });
      await writeAudit(tx, { actor: staff, action: "agreement.edit", entityType: "Agreement", entityId: link.id });
      await writeAudit(tx, { actor: staff, action: "agreement.edit", entityType: "Agreement", entityId: other.id });
    });
    await db.exchange.create({ data: { agreementId: link.id, kind: "SPORT", direction: "INBOUND", startDate: new Date("2026-03-01T00:00:00Z"), cost: "12.50", currency: "GBP", createdById: staff.id } });
    await db.exchange.create({ data: { agreementId: other.id, kind: "SPORT", direction: "INBOUND", startDate: new Date("2026-03-01T00:00:00Z"), createdById: staff.id } });

    const response = await get(staff, link.id);
    expect(response.status).toBe(200);
    expect(response.disposition).toMatch(/^attachment; filename="link-history-hamburg-\d{4}-\d{2}-\d{2}\.json"$/);
    const file = JSON.parse(response.text);
    expect(file.agreement.id).toBe(link.id);
    expect(file.agreement.partner.name).toBe("Hamburg");
    expect(file.decisions.map((decision: { kind: string }) => decision.kind)).toEqual(["IMPORTED", "STATUS_CHANGED"]);
    expect(file.decisions[1]).toMatchObject({ reason: "Internal: the leader asked.", publicReason: "Elections in Hamburg.", actor: { name: staff.name } });
    expect(file.agreement.exchanges).toHaveLength(1);
    expect(file.agreement.exchanges[0].cost).toBe("12.5");
    expect(file.audit).toEqual([expect.objectContaining({ action: "agreement.edit", entityId: link.id })]);
    expect(response.text).not.toContain("Lyon");
  });

  it("refuses a councillor, sends a visitor to sign in and says an unknown link is not there", async () => {
    const link = await createAgreement({ createdBy: staff });
    expect((await get(await createCouncillor(), link.id)).status).toBe(403);
    const visitor = await get(null, link.id);
    expect(visitor.status).toBe(303);
    expect(visitor.location).toBe(`${SITE}/login?callbackUrl=${encodeURIComponent(`/agreements/${link.id}/history.json`)}`);
    expect((await get(staff, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await get(staff, "not-a-link")).status).toBe(404);
  });
});
