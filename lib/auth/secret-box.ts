// Small secrets kept at rest (a user's two-step verification secret), sealed with AES-256-GCM so
// that a copy of the database (a backup, a leaked dump) holds nothing usable without the key.
//
// The key: TWO_STEP_KEY (32 random bytes, base64), or, when it is unset, one derived from
// NEXTAUTH_SECRET with HKDF-SHA256 under a label of its own. Setting TWO_STEP_KEY keeps the two
// apart: the session secret can then be changed (signing everyone out) without making every
// sealed secret unreadable.
//
// A sealed value reads "v1.<key id>.<base64url: 12-byte nonce | ciphertext | 16-byte tag>": the
// format's version, and which key sealed it (the first 8 hex digits of the key's SHA-256), so a
// later key can be added beside the old one and the old values opened and sealed again. Each value
// is bound to its `context` (e.g. the user it belongs to) as associated data: a sealed secret
// copied onto another row does not open there.
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import { readServerEnv } from "@/lib/config/env";

const FORMAT = "v1";
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
/** HKDF's info: a key derived from the session secret for this use and no other. */
const DERIVATION_LABEL = "twinning-office two-step secret box v1";

export type SecretBoxKey = { id: string; key: Buffer };

export class SecretBoxError extends Error {
  override name = "SecretBoxError";
}

/** A key of 32 bytes, with its id (what a sealed value names). */
export function secretBoxKey(key: Buffer): SecretBoxKey {
  if (key.length !== 32) throw new SecretBoxError("A secret box key is 32 bytes.");
  return { id: createHash("sha256").update(key).digest("hex").slice(0, 8), key };
}

/** The key from the environment: TWO_STEP_KEY, or derived from NEXTAUTH_SECRET (see above). */
export function keyFromEnv(env: Record<string, string | undefined> = process.env): SecretBoxKey {
  const { TWO_STEP_KEY, NEXTAUTH_SECRET } = readServerEnv(env);
  if (TWO_STEP_KEY) return secretBoxKey(Buffer.from(TWO_STEP_KEY, "base64"));
  return secretBoxKey(Buffer.from(hkdfSync("sha256", NEXTAUTH_SECRET, Buffer.alloc(0), DERIVATION_LABEL, 32)));
}

/** Seals `plaintext` for `context` (the same context opens it). */
export function seal(plaintext: string, context: string, key: SecretBoxKey = keyFromEnv()): string {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key.key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([nonce, cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `${FORMAT}.${key.id}.${body.toString("base64url")}`;
}

/**
 * Opens a sealed value with whichever of `keys` sealed it. Throws SecretBoxError when the value is
 * malformed, sealed by a key not given, sealed for another context, or changed in any way.
 */
export function open(sealed: string, context: string, keys: readonly SecretBoxKey[] = [keyFromEnv()]): string {
  const [format, keyId, encoded, ...rest] = sealed.split(".");
  if (format !== FORMAT || !keyId || encoded === undefined || rest.length > 0) throw new SecretBoxError("Not a sealed value.");
  const key = keys.find((candidate) => candidate.id === keyId);
  if (!key) throw new SecretBoxError(`Sealed with a key that is not configured (key id ${keyId}).`);
  const body = Buffer.from(encoded, "base64url");
  if (body.length < NONCE_BYTES + TAG_BYTES) throw new SecretBoxError("Not a sealed value.");
  const decipher = createDecipheriv("aes-256-gcm", key.key, body.subarray(0, NONCE_BYTES), { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(context, "utf8"));
  decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(body.subarray(NONCE_BYTES, body.length - TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretBoxError("The sealed value does not open: changed, or sealed for something else.");
  }
}
