// The hashed serialization is a contract with every decision already stored: pinned here, so a
// change to it (field order, formats) fails instead of silently breaking existing chains.
import { describe, expect, it } from "vitest";
import { canonicalDecision, checkFieldDigests, decisionHash, describeChainReport, digestFields, fieldDigest, GENESIS_HASH } from "./chain";

const decision = {
  sequence: 7,
  id: "0b9c7a4e-1f6d-4c2a-9e55-3d2f1a0b8c7d",
  agreementId: "5f1508e1-734d-462a-b726-c5cae4fa7ab7",
  proposalId: null,
  kind: "STATUS_CHANGED" as const,
  actorId: "fe53d24b-3abd-45fd-b2f9-bb7a3823e78d",
  fromStatus: "ACTIVE" as const,
  toStatus: "SUSPENDED" as const,
  reason: 'No reply since 2023 — "paused"\nfor now',
  publicReason: "Paused while the partner council is reorganised.",
  reference: null,
  voteKey: null,
  createdAt: new Date("2026-11-28T09:00:00.123Z"),
  previousHash: GENESIS_HASH,
};

describe("the decision chain's serialization (v1)", () => {
  it("is a JSON array of the fields in a fixed order", () => {
    expect(canonicalDecision(decision)).toBe(
      `["v1",7,"0b9c7a4e-1f6d-4c2a-9e55-3d2f1a0b8c7d","5f1508e1-734d-462a-b726-c5cae4fa7ab7",null,"STATUS_CHANGED","fe53d24b-3abd-45fd-b2f9-bb7a3823e78d","ACTIVE","SUSPENDED","No reply since 2023 — \\"paused\\"\\nfor now","Paused while the partner council is reorganised.",null,null,"2026-11-28T09:00:00.123Z","${GENESIS_HASH}"]`,
    );
  });

  // Computed once, and the same from the migration's SQL function decision_chain_hash on PostgreSQL.
  it("hashes to the same SHA-256 as when it was recorded", () => {
    expect(decisionHash(decision)).toBe("0611709dad4cba3b1e6b5bf704167f4f052c460595842bb1ab17942a03c1f707");
  });

  it("changes with any field, including the previous hash", () => {
    const base = decisionHash(decision);
    expect(decisionHash({ ...decision, reason: `${decision.reason}.` })).not.toBe(base);
    expect(decisionHash({ ...decision, sequence: 8 })).not.toBe(base);
    expect(decisionHash({ ...decision, createdAt: new Date("2026-11-28T09:00:00.124Z") })).not.toBe(base);
    expect(decisionHash({ ...decision, previousHash: "f".repeat(64) })).not.toBe(base);
  });

  it("reads as one line for people", () => {
    expect(describeChainReport({ ok: true, count: 1234, erased: 1, head: { sequence: 1234, hash: "ab".repeat(32) } })).toBe(
      `1,234 decisions verified, 1 field erased (latest: sequence 1234, hash ${"ab".repeat(32)}).`,
    );
    expect(describeChainReport({ ok: true, count: 0, erased: 0, head: null })).toBe("0 decisions verified (the record is empty).");
    expect(describeChainReport({ ok: false, verified: 4, failure: { id: decision.id, sequence: 5, problem: "its content does not match its hash" } })).toBe(
      `The decision record does not verify: decision ${decision.id} (sequence 5): its content does not match its hash. The 4 before it verify.`,
    );
  });
});

describe("the decision chain's serialization of an amendment (v2)", () => {
  const changes = { title: { from: "Twin town: Kiel", to: "Kiel and us" }, themes: { from: ["CULTURE"], to: ["CULTURE", "SPORT"] } };
  const amended = { ...decision, kind: "AMENDED" as const, fromStatus: "ACTIVE" as const, toStatus: "ACTIVE" as const, changes };

  it("is v1, unchanged, for a decision without changes", () => {
    expect(canonicalDecision({ ...decision, changes: null })).toBe(canonicalDecision(decision));
    expect(decisionHash({ ...decision, changes: null })).toBe("0611709dad4cba3b1e6b5bf704167f4f052c460595842bb1ab17942a03c1f707");
  });

  it("adds the changes after voteKey, every object's keys sorted, as version v2", () => {
    expect(canonicalDecision(amended)).toBe(
      `["v2",7,"0b9c7a4e-1f6d-4c2a-9e55-3d2f1a0b8c7d","5f1508e1-734d-462a-b726-c5cae4fa7ab7",null,"AMENDED","fe53d24b-3abd-45fd-b2f9-bb7a3823e78d","ACTIVE","ACTIVE","No reply since 2023 — \\"paused\\"\\nfor now","Paused while the partner council is reorganised.",null,null,{"themes":{"from":["CULTURE"],"to":["CULTURE","SPORT"]},"title":{"from":"Twin town: Kiel","to":"Kiel and us"}},"2026-11-28T09:00:00.123Z","${GENESIS_HASH}"]`,
    );
  });

  it("hashes the same whatever order the database gives the keys back in, and differently for any other change", () => {
    const reordered = { themes: { to: ["CULTURE", "SPORT"], from: ["CULTURE"] }, title: { to: "Kiel and us", from: "Twin town: Kiel" } };
    expect(decisionHash({ ...amended, changes: reordered })).toBe(decisionHash(amended));
    expect(decisionHash({ ...amended, changes: { ...changes, title: { from: "Twin town: Kiel", to: "Kiel and them" } } })).not.toBe(decisionHash(amended));
    expect(decisionHash({ ...amended, changes: { title: changes.title } })).not.toBe(decisionHash(amended));
  });
});

describe("the decision chain's serialization with field digests (v3)", () => {
  const salt = "5a".repeat(32);
  const fieldDigests = { reason: fieldDigest(salt, decision.reason), publicReason: fieldDigest("a5".repeat(32), decision.publicReason), reference: null, changes: null };
  const v3 = { ...decision, fieldDigests };

  it("has the digests in place of the text, keys sorted, after voteKey", () => {
    const digests = `{"changes":null,"publicReason":"${fieldDigests.publicReason}","reason":"${fieldDigests.reason}","reference":null}`;
    expect(canonicalDecision(v3)).toBe(
      `["v3",7,"0b9c7a4e-1f6d-4c2a-9e55-3d2f1a0b8c7d","5f1508e1-734d-462a-b726-c5cae4fa7ab7",null,"STATUS_CHANGED","fe53d24b-3abd-45fd-b2f9-bb7a3823e78d","ACTIVE","SUSPENDED",null,${digests},"2026-11-28T09:00:00.123Z","${GENESIS_HASH}"]`,
    );
    // The digest: SHA-256 of the salt's hex digits followed by the text.
    expect(fieldDigest("00", "a")).toBe("98d12a6d10e4c0da59f097cda38e6b1a71cd381eacbad9411ffdbd570c5d6aa9");
    expect(fieldDigest("00", "a")).not.toBe(fieldDigest("01", "a"));
  });

  it("does not change when the text is erased, and changes with any digest", () => {
    expect(decisionHash({ ...v3, reason: null })).toBe(decisionHash(v3));
    expect(decisionHash({ ...v3, fieldDigests: { ...fieldDigests, reason: fieldDigest(salt, "Another reason") } })).not.toBe(decisionHash(v3));
  });

  it("checks each text against its digest and salt, and tells an erased field from a missing one", () => {
    const fields = [
      { field: "reason", salt, erasedAt: null },
      { field: "publicReason", salt: "a5".repeat(32), erasedAt: null },
    ];
    expect(checkFieldDigests({ ...v3, fields })).toEqual({ erased: 0 });
    expect(checkFieldDigests({ ...v3, reason: "Changed", fields })).toEqual({ problem: "its reason does not match its digest" });
    expect(checkFieldDigests({ ...v3, fields: [{ ...fields[0]!, salt: "5b".repeat(32) }, fields[1]!] })).toEqual({ problem: "its reason does not match its digest" });
    expect(checkFieldDigests({ ...v3, reason: null, fields })).toEqual({ problem: "its reason is missing, and not recorded as erased" });
    expect(checkFieldDigests({ ...v3, reason: null, fields: [{ field: "reason", salt: null, erasedAt: new Date() }, fields[1]!] })).toEqual({ erased: 1 });
    expect(checkFieldDigests({ ...v3, reference: "Added later", fields })).toEqual({ problem: "its reference has text but no digest: it was added after the decision was recorded" });
    expect(checkFieldDigests({ ...v3, fieldDigests: { ...fieldDigests, notes: null }, fields })).toEqual({ problem: "it has a digest of an unknown field, notes" });
  });

  it("digests only the fields with text, each with its own salt", () => {
    const { fieldDigests: made, salts } = digestFields({ ...decision, changes: { title: { from: "A", to: "B" } } });
    expect(salts.map((row) => row.field)).toEqual(["reason", "publicReason", "changes"]);
    expect(new Set(salts.map((row) => row.salt)).size).toBe(3);
    expect(made.reference).toBeNull();
    expect(made.changes).toBe(fieldDigest(salts[2]!.salt, '{"title":{"from":"A","to":"B"}}'));
  });
});
