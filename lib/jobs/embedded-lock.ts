// PGlite has no lock between processes: two processes that open one data folder both succeed and
// then corrupt it. So the app and `npm run jobs` mark the folder as theirs in a small lock file
// beside it ("<folder>.lock": the process id and who holds it), and each looks before opening.
// A lock whose process has died is stale and simply taken over.
import fs from "node:fs";
import path from "node:path";

export type LockHolder = { pid: number; holder: "app" | "jobs"; since: string };

export function lockFilePath(dataDir: string): string {
  return `${path.resolve(dataDir)}.lock`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readLock(file: string): LockHolder | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<LockHolder>;
    if (!Number.isInteger(parsed.pid) || (parsed.holder !== "app" && parsed.holder !== "jobs")) return null;
    return { pid: parsed.pid!, holder: parsed.holder, since: String(parsed.since ?? "") };
  } catch {
    return null;
  }
}

/** Another live process that holds the folder, or null (no lock, a stale one, or our own). */
export function embeddedDatabaseHolder(dataDir: string): LockHolder | null {
  const lock = readLock(lockFilePath(dataDir));
  if (!lock || lock.pid === process.pid || !isAlive(lock.pid)) return null;
  return lock;
}

export class EmbeddedDatabaseInUse extends Error {
  override name = "EmbeddedDatabaseInUse";
  constructor(readonly lock: LockHolder, readonly file: string) {
    super(`The embedded database is in use by ${lock.holder === "app" ? "the app" : "npm run jobs"} (process ${lock.pid}, lock file ${file}).`);
  }
}

/**
 * Marks the folder as held by this process until it exits (or `release()`), or throws
 * EmbeddedDatabaseInUse if another live process holds it (unless its holder is one that
 * `takeOverFrom` names). The file appears complete and at once (a hard link), so of two
 * processes starting together only one wins.
 */
export function lockEmbeddedDatabase(dataDir: string, holder: LockHolder["holder"], { takeOverFrom = [] }: { takeOverFrom?: LockHolder["holder"][] } = {}): { release(): void } {
  const file = lockFilePath(dataDir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const draft = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(draft, `${JSON.stringify({ pid: process.pid, holder, since: new Date().toISOString() } satisfies LockHolder)}\n`);
  try {
    for (let attempt = 0; ; attempt += 1) {
      try {
        fs.linkSync(draft, file);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt >= 3) throw error;
        const current = readLock(file);
        if (current?.pid === process.pid) break;
        if (current && isAlive(current.pid) && !takeOverFrom.includes(current.holder)) throw new EmbeddedDatabaseInUse(current, file);
        // Stale (its process is gone), unreadable, or one we may take over.
        fs.rmSync(file, { force: true });
      }
    }
  } finally {
    fs.rmSync(draft, { force: true });
  }
  const release = () => releaseLock(file);
  process.once("exit", release);
  return { release };
}

function releaseLock(file: string): void {
  // Only our own lock: never remove one that another process has taken over since.
  if (readLock(file)?.pid === process.pid) fs.rmSync(file, { force: true });
}
