// Realistic, varied data in bulk for benchmarks and query-plan checks: the register of a national
// association with tens of thousands of links. Rows are generated in memory with their ids (so
// foreign keys need no round trip) and written a few thousand per statement (insertRows). The
// content is reproducible for a given --seed; ids are random, so a second run adds more.
import { randomUUID } from "node:crypto";
import type { AgreementStatus, DecisionKind, ProposalKind } from "@/generated/prisma/enums";
import { hashPassword } from "@/lib/auth/password";
import { isPubliclyVisible } from "@/lib/domain/lifecycle";
import { partnerIdentityKey, slugify } from "@/lib/domain/partner-identity";
import { appendDecisions, type NewDecision } from "@/lib/decisions/chain";
import type { Sql } from "../../lib/backup/catalog";
import { insertRows, type Row } from "../../lib/backup/rows";

export type ScaleOptions = { agreements: number; exchanges: number; events?: number; seed?: number };
export type ScaleProgress = (table: string, done: number, total: number) => void;
export type ScaleSummary = Record<string, number>;

const CHUNK = 5_000;

/** mulberry32: small, fast and reproducible. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  /** Picks by weight: [[value, weight], …]. */
  const weighted = <T>(items: readonly (readonly [T, number])[]): T => {
    const total = items.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = next() * total;
    for (const [value, weight] of items) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return items[items.length - 1]![0];
  };
  return { next, int, pick, weighted };
}

const COUNTRIES: readonly { code: string; stems: string[]; suffixes: string[]; regions: string[]; lat: [number, number]; lon: [number, number] }[] = [
  { code: "FR", stems: ["Saint-Pierre", "Beau", "Mont", "Ville", "Château", "Roche", "Pont", "Fontaine", "Chalon", "Vals"], suffixes: ["-sur-Mer", "-les-Bains", "-en-Brie", "ville", "fort", "-sur-Loire", "mont", ""], regions: ["Normandie", "Bretagne", "Occitanie", "Grand Est", "Hauts-de-France"], lat: [43, 50.5], lon: [-4, 7.5] },
  { code: "DE", stems: ["Neu", "Ober", "Alt", "Bad ", "Klein", "Groß", "Rosen", "Linden", "Stein", "Wald"], suffixes: ["stadt", "dorf", "burg", "heim", "hausen", "feld", "bach", " am Main"], regions: ["Bayern", "Hessen", "Sachsen", "Niedersachsen", "Nordrhein-Westfalen"], lat: [47.5, 54.8], lon: [6, 15] },
  { code: "IT", stems: ["San ", "Monte", "Castel", "Villa", "Borgo", "Porto", "Santa ", "Roc"], suffixes: ["franco", "nuovo", " Marittima", "vecchio", " del Lago", "lina", ""], regions: ["Toscana", "Lombardia", "Veneto", "Sicilia", "Puglia"], lat: [37, 46.5], lon: [7, 18] },
  { code: "PL", stems: ["Nowy ", "Stary ", "Biała ", "Zielona ", "Wola ", "Góra "], suffixes: ["Sącz", "Targ", "Podlaska", "Góra", "Wieś", "Dwór"], regions: ["Mazowieckie", "Małopolskie", "Pomorskie", "Śląskie"], lat: [49.2, 54.8], lon: [14.2, 24] },
  { code: "ES", stems: ["San ", "Villa", "Torre", "Puerto ", "Alcalá ", "Medina "], suffixes: ["nueva", "franca", "del Río", "de la Sierra", "del Campo", "real"], regions: ["Andalucía", "Galicia", "Castilla y León", "Cataluña"], lat: [36, 43.5], lon: [-9, 3] },
  { code: "US", stems: ["Spring", "Fair", "Green", "Lake", "Oak", "River", "Maple", "Cedar"], suffixes: ["field", "view", "ville", "ton", " Falls", " Springs", " Heights"], regions: ["Ohio", "Oregon", "Texas", "Vermont", "Michigan"], lat: [30, 47], lon: [-122, -72] },
  { code: "JP", stems: ["Higashi", "Nishi", "Kita", "Minami", "Naka", "Shin"], suffixes: ["yama", "kawa", "hama", "shima", "mura", "saki"], regions: ["Hokkaidō", "Kansai", "Kyūshū", "Tōhoku"], lat: [31, 44], lon: [130, 145] },
  { code: "UA", stems: ["Novo", "Staro", "Bila ", "Zeleno", "Kamian"], suffixes: ["hrad", "pil", "horod", "ka", "dar"], regions: ["Kyiv Oblast", "Lviv Oblast", "Odesa Oblast"], lat: [45, 52], lon: [23, 40] },
  { code: "IE", stems: ["Bally", "Kil", "Dun", "Castle", "Clon"], suffixes: ["more", "kenny", "garvan", "bar", "mel"], regions: ["Munster", "Leinster", "Connacht", "Ulster"], lat: [51.5, 55.3], lon: [-10, -6] },
  { code: "NL", stems: ["Oost", "West", "Noord", "Zuid", "Groot", "Nieuw"], suffixes: ["erhout", "dam", "wijk", "broek", "veen", "hoven"], regions: ["Gelderland", "Utrecht", "Zeeland", "Friesland"], lat: [51.3, 53.4], lon: [3.4, 7.1] },
];

const THEMES = ["CULTURE", "EDUCATION", "TRADE", "TOURISM", "RECONCILIATION", "CLIMATE", "SPORT", "SHARED_NAME", "DIASPORA", "TECHNICAL_COOPERATION", "HUMANITARIAN", "YOUTH"] as const;
const EXCHANGE_KINDS = ["DELEGATION_VISIT", "SCHOOL_OR_YOUTH_EXCHANGE", "CULTURAL", "SPORT", "TRADE_MISSION", "TECHNICAL_COOPERATION", "HUMANITARIAN_AID", "VIRTUAL_MEETING", "OTHER"] as const;
const EVENT_KINDS = ["CHARTER_SIGNING", "ANNIVERSARY", "FESTIVAL", "CIVIC_VISIT", "EXHIBITION", "OTHER"] as const;
const STATUSES: readonly (readonly [AgreementStatus, number])[] = [
  ["ACTIVE", 70],
  ["DRAFT", 8],
  ["PENDING_APPROVAL", 5],
  ["SUSPENDED", 7],
  ["TERMINATED", 6],
  ["WITHDRAWN", 4],
];
const OUTCOMES = ["Joint concert in the cathedral", "Twelve pupils hosted by families", "Memorandum on river clean-up signed", "Exhibition of archive photographs", "Football tournament, 8 teams", "Trade fair stand shared", ""];

const day = 24 * 60 * 60 * 1000;
const isoDate = (time: number) => new Date(time).toISOString().slice(0, 10);
const isoTime = (time: number) => new Date(time).toISOString();

/**
 * Writes the scale data set through `sql` and returns the row count per table. Existing
 * partners are left alone: new names never clash with their identity keys or slugs.
 */
export async function seedScale(sql: Sql, options: ScaleOptions, progress: ScaleProgress = () => undefined): Promise<ScaleSummary> {
  const rng = random(options.seed ?? 1);
  const now = Date.now();
  const counts: ScaleSummary = {};

  // Users: a staff of officers and a committee of councillors (one shared hash: argon2id is slow on purpose).
  const passwordHash = await hashPassword(randomUUID());
  const runTag = randomUUID().slice(0, 8);
  const users: Row[] = [];
  const roles = [...Array<string>(40).fill("STAFF"), ...Array<string>(15).fill("COUNCILLOR"), "ADMIN", "ADMIN"];
  roles.forEach((role, index) => {
    const created = now - rng.int(400, 3000) * day;
    users.push({ id: randomUUID(), email: `scale-${runTag}-${role.toLowerCase()}-${index}@example.org`, name: `${role === "COUNCILLOR" ? "Cllr " : ""}Scale ${role.toLowerCase()} ${index}`, role, active: rng.next() > 0.05, passwordHash, sessionVersion: 0, createdAt: isoTime(created), updatedAt: isoTime(created) });
  });
  const staff = users.filter((user) => user.role !== "COUNCILLOR").map((user) => user.id as string);
  const councillors = users.filter((user) => user.role === "COUNCILLOR").map((user) => user.id as string);
  await insertRows(sql, "User", Object.keys(users[0]!), users);
  counts.User = users.length;
  progress("User", users.length, users.length);

  // Partners: about nine for every ten agreements (some places hold several links).
  const taken = await sql.$queryRawUnsafe<{ identityKey: string; slug: string }[]>(`SELECT "identityKey", slug FROM "Partner"`);
  const keys = new Set(taken.map((row) => row.identityKey));
  const slugs = new Set(taken.map((row) => row.slug));
  const partnerTotal = Math.max(1, Math.round(options.agreements * 0.9));
  const partners: Row[] = [];
  for (let i = 0; i < partnerTotal; i++) {
    const country = rng.pick(COUNTRIES);
    const fictional = rng.next() < 0.002;
    let name = `${rng.pick(country.stems)}${rng.pick(country.suffixes)}`.trim();
    let key = partnerIdentityKey(name, fictional ? null : country.code);
    for (let n = 2; keys.has(key); n++) {
      name = `${rng.pick(country.stems)}${rng.pick(country.suffixes)} ${toRoman(n)}`.trim();
      key = partnerIdentityKey(name, fictional ? null : country.code);
    }
    keys.add(key);
    let slug = slugify(`${name}-${country.code.toLowerCase()}`);
    for (let n = 2; slugs.has(slug); n++) slug = slugify(`${name}-${country.code.toLowerCase()}-${n}`);
    slugs.add(slug);
    const created = now - rng.int(30, 3000) * day;
    const located = rng.next() < 0.85;
    partners.push({
      id: randomUUID(),
      slug,
      name,
      country: fictional ? null : country.code,
      region: rng.next() < 0.8 ? rng.pick(country.regions) : null,
      kind: rng.weighted([["TOWN", 50], ["CITY", 25], ["VILLAGE", 15], ["COUNTY", 4], ["REGION", 3], ["PROVINCE", 2], ["OTHER", 1]] as const),
      latitude: located ? round(country.lat[0] + rng.next() * (country.lat[1] - country.lat[0]), 5) : null,
      longitude: located ? round(country.lon[0] + rng.next() * (country.lon[1] - country.lon[0]), 5) : null,
      population: rng.next() < 0.9 ? rng.int(800, 2_500_000) : null,
      website: rng.next() < 0.6 ? `https://www.${slug}.example` : null,
      identityKey: key,
      createdAt: isoTime(created),
      updatedAt: isoTime(created),
    });
  }
  await insertChunked(sql, "Partner", partners, progress);
  counts.Partner = partners.length;

  // Agreements first with status DRAFT and no status decision (the CHECK wants a decision for
  // suspended and terminated links, and a decision needs its agreement): set both at the end.
  const agreements: Row[] = [];
  const finalStatus = new Map<string, AgreementStatus>();
  for (let i = 0; i < options.agreements; i++) {
    const partner = partners[i < partners.length ? i : rng.int(0, partners.length - 1)]!;
    const status = rng.weighted(STATUSES);
    const began = Date.UTC(rng.int(1947, 2024), rng.int(0, 11), rng.int(1, 28));
    const formalised = rng.next() < 0.8 ? began + rng.int(0, 6 * 365) * day : null;
    const created = Math.max(Date.UTC(2015, 0, 1), Math.min(now - day, began)) + rng.int(0, 200) * day;
    const themes = [...new Set([rng.pick(THEMES), rng.pick(THEMES), ...(rng.next() < 0.5 ? [rng.pick(THEMES)] : [])])];
    const id = randomUUID();
    finalStatus.set(id, status);
    agreements.push({
      id,
      partnerId: partner.id,
      relationshipType: rng.weighted([["TWIN_TOWN", 55], ["SISTER_CITY", 15], ["FRIENDSHIP_CITY", 12], ["PARTNERSHIP", 13], ["MEMORANDUM_OF_UNDERSTANDING", 5]] as const),
      title: `${partner.name as string} link`,
      purpose: `Friendship, ${themes.map((theme) => theme.toLowerCase().replace(/_/g, " ")).join(" and ")} between our communities.`,
      themes,
      linkBegan: isoDate(began),
      formalisedOn: formalised === null ? null : isoDate(Math.min(formalised, now)),
      reviewDate: rng.next() < 0.7 ? isoDate(now + rng.int(-400, 1500) * day) : null,
      leadOfficerId: rng.next() < 0.9 ? rng.pick(staff) : null,
      publicSummary: `A link with ${partner.name as string} since ${new Date(began).getUTCFullYear()}.`,
      internalNotes: rng.next() < 0.3 ? "Contact the partner's international office before any visit." : "",
      partnerDecisionDate: rng.next() < 0.6 && formalised !== null ? isoDate(Math.min(formalised, now)) : null,
      partnerDecisionReference: rng.next() < 0.5 ? `Resolution ${rng.int(1960, 2025)}/${rng.int(1, 300)}` : null,
      status: "DRAFT",
      version: rng.int(1, 6),
      statusDecisionId: null,
      createdById: rng.pick(staff),
      createdAt: isoTime(created),
      updatedAt: isoTime(created + rng.int(0, 300) * day),
    });
  }
  await insertChunked(sql, "Agreement", agreements, progress);
  counts.Agreement = agreements.length;

  // Proposals and the decision record, as the lifecycle would have written them.
  const proposals: Row[] = [];
  const decisions: Row[] = [];
  const statusUpdates: Row[] = [];
  for (const agreement of agreements) {
    const status = finalStatus.get(agreement.id as string)!;
    if (status === "DRAFT") continue;
    let at = Date.parse(agreement.createdAt as string) + rng.int(1, 20) * day;
    const decide = (kind: DecisionKind, extra: Row = {}): string => {
      const id = randomUUID();
      at += rng.int(1, 30) * 60 * 60 * 1000;
      decisions.push({ id, agreementId: agreement.id, proposalId: null, kind, actorId: rng.pick(staff), fromStatus: null, toStatus: null, reason: null, publicReason: null, reference: null, voteKey: null, createdAt: isoTime(Math.min(at, now)), ...extra });
      return id;
    };
    const propose = (kind: ProposalKind, from: AgreementStatus, to: AgreementStatus, outcome: "OPEN" | "APPROVED", reason: string, publicReason: string | null): string => {
      const proposerId = rng.pick(staff);
      const proposalId = randomUUID();
      const created = at;
      const reference = rng.next() < 0.6 ? `Cabinet ${new Date(Math.min(at, now)).getUTCFullYear()}/${rng.int(1, 120)}` : null;
      decide(kind === "ACTIVATION" ? "SUBMITTED" : "PROPOSED", { proposalId, actorId: proposerId, fromStatus: from, toStatus: to, reason, publicReason, reference });
      let closedAt: number | null = null;
      let statusDecision = "";
      if (outcome === "APPROVED") {
        const voter = rng.pick(councillors);
        decide("APPROVED", { proposalId, actorId: voter, voteKey: `${proposalId}:${voter}`, reason: rng.next() < 0.3 ? "Agreed by the committee." : null });
        statusDecision = decide("STATUS_CHANGED", { proposalId, actorId: voter, fromStatus: from, toStatus: to, reason, publicReason, reference });
        closedAt = at;
      }
      proposals.push({ id: proposalId, agreementId: agreement.id, kind, state: outcome, proposerId, reason, publicReason, reference, alternativesConsidered: rng.next() < 0.2 ? "Ending the link; keeping it informal." : null, conflictsOfInterest: null, backgroundPapers: null, createdAt: isoTime(Math.min(created, now)), closedAt: closedAt === null ? null : isoTime(Math.min(closedAt, now)) });
      return statusDecision;
    };
    let statusDecisionId: string;
    if (status === "WITHDRAWN") {
      statusDecisionId = decide("WITHDRAWN", { fromStatus: "DRAFT", toStatus: "WITHDRAWN", reason: "The partner asked to pause the talks." });
    } else if (status === "PENDING_APPROVAL") {
      propose("ACTIVATION", "DRAFT", "ACTIVE", "OPEN", "Ready for the committee.", null);
      statusDecisionId = decisions[decisions.length - 1]!.id as string;
    } else {
      statusDecisionId = propose("ACTIVATION", "DRAFT", "ACTIVE", "APPROVED", "Both councils have resolved to twin.", null);
      if (status === "SUSPENDED" || status === "TERMINATED") {
        const kind = status === "SUSPENDED" ? "SUSPENSION" : "TERMINATION";
        statusDecisionId = propose(kind, "ACTIVE", status, "APPROVED", "No contact for several years; the partner council has been dissolved.", status === "SUSPENDED" ? "Paused while the partner council is reorganised." : "Ended by mutual agreement.");
      } else if (rng.next() < 0.03) {
        propose("SUSPENSION", "ACTIVE", "SUSPENDED", "OPEN", "Partner council stopped replying.", "Paused pending contact.");
      }
    }
    statusUpdates.push({ id: agreement.id, status, statusDecisionId });
  }
  await insertChunked(sql, "Proposal", proposals, progress);
  counts.Proposal = proposals.length;
  // The decision record is a hash chain (lib/decisions/chain.ts): appended oldest first.
  const chronological = decisions
    .map((decision) => ({ ...decision, createdAt: new Date(decision.createdAt as string) }) as NewDecision & { createdAt: Date })
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  let appended = 0;
  await appendDecisions(sql, chronological, (count) => progress("Decision", (appended += count), decisions.length));
  counts.Decision = decisions.length;
  for (let i = 0; i < statusUpdates.length; i += CHUNK) {
    await sql.$executeRawUnsafe(
      `UPDATE "Agreement" AS a SET status = r.status, "statusDecisionId" = r."statusDecisionId" FROM json_populate_recordset(NULL::"Agreement", $1::json) AS r WHERE a.id = r.id`,
      JSON.stringify(statusUpdates.slice(i, i + CHUNK)),
    );
    progress("Agreement status", Math.min(i + CHUNK, statusUpdates.length), statusUpdates.length);
  }

  // Exchanges, generated a chunk at a time: a few links are busy, most are quiet.
  const withActivity = agreements.filter((agreement) => isPubliclyVisible(finalStatus.get(agreement.id as string)!));
  const pool = withActivity.length > 0 ? withActivity : agreements;
  const busy = pool.slice(0, Math.max(1, Math.ceil(pool.length * 0.1)));
  let written = 0;
  while (written < options.exchanges) {
    const rows: Row[] = [];
    for (let i = 0; i < Math.min(CHUNK, options.exchanges - written); i++) {
      const agreement = rng.next() < 0.4 ? rng.pick(busy) : rng.pick(pool);
      const start = Date.parse(`${agreement.linkBegan as string}T00:00:00Z`) + rng.next() * (now + 365 * day - Date.parse(`${agreement.linkBegan as string}T00:00:00Z`));
      const kind = rng.pick(EXCHANGE_KINDS);
      const costed = rng.next() < 0.6;
      const created = Math.min(now, Math.max(start - rng.int(10, 120) * day, Date.parse(agreement.createdAt as string)));
      rows.push({
        id: randomUUID(),
        agreementId: agreement.id,
        kind,
        direction: rng.weighted([["OUTBOUND", 40], ["INBOUND", 40], ["JOINT", 20]] as const),
        startDate: isoDate(start),
        endDate: kind === "VIRTUAL_MEETING" ? null : isoDate(start + rng.int(0, 14) * day),
        participantCount: rng.next() < 0.85 ? rng.int(1, 120) : null,
        participantsDescription: rng.next() < 0.5 ? "Pupils and teachers" : "",
        cost: costed ? (rng.int(0, 2_500_000) / 100).toFixed(2) : null,
        currency: costed ? rng.weighted([["GBP", 50], ["EUR", 40], ["USD", 10]] as const) : null,
        fundingSource: costed ? rng.pick(["COUNCIL_BUDGET", "EU_PROGRAMME", "PARTNER", "SPONSOR", "OTHER"] as const) : null,
        outcomes: rng.pick(OUTCOMES),
        visibility: rng.next() < 0.6 ? "PUBLIC" : "INTERNAL",
        createdById: rng.pick(staff),
        createdAt: isoTime(created),
        updatedAt: isoTime(created),
      });
    }
    await insertRows(sql, "Exchange", Object.keys(rows[0]!), rows);
    written += rows.length;
    progress("Exchange", written, options.exchanges);
  }
  counts.Exchange = written;

  // Events: anniversaries and festivals, some not tied to one link.
  const eventTotal = options.events ?? Math.round(options.agreements / 2);
  const events: Row[] = [];
  for (let i = 0; i < eventTotal; i++) {
    const agreement = rng.next() < 0.9 ? rng.pick(pool) : null;
    const starts = now + rng.int(-3000, 500) * day + rng.int(9, 19) * 60 * 60 * 1000;
    const kind = rng.pick(EVENT_KINDS);
    events.push({
      id: randomUUID(),
      agreementId: agreement ? agreement.id : null,
      title: `${kind === "ANNIVERSARY" ? "Anniversary" : kind === "FESTIVAL" ? "Twinning festival" : kind === "CHARTER_SIGNING" ? "Charter signing" : "Civic visit"}${agreement ? ` — ${String(agreement.title).replace(/ link$/, "")}` : ""}`,
      kind,
      startsAt: isoTime(starts),
      endsAt: rng.next() < 0.6 ? isoTime(starts + rng.int(1, 8) * 60 * 60 * 1000) : null,
      timeZone: "Europe/London",
      place: rng.next() < 0.7 ? "Town hall" : "",
      description: "",
      visibility: rng.next() < 0.7 ? "PUBLIC" : "INTERNAL",
      createdById: rng.pick(staff),
      createdAt: isoTime(Math.min(now, starts - 30 * day)),
      updatedAt: isoTime(Math.min(now, starts - 30 * day)),
    });
  }
  await insertChunked(sql, "Event", events, progress);
  counts.Event = events.length;
  return counts;
}

async function insertChunked(sql: Sql, table: string, rows: readonly Row[], progress: ScaleProgress): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  for (let i = 0; i < rows.length; i += CHUNK) {
    await insertRows(sql, table, columns, rows.slice(i, i + CHUNK));
    progress(table, Math.min(i + CHUNK, rows.length), rows.length);
  }
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function toRoman(n: number): string {
  const numerals: [number, string][] = [[1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"], [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
  let out = "";
  for (const [value, numeral] of numerals) {
    while (n >= value) {
      out += numeral;
      n -= value;
    }
  }
  return out;
}
