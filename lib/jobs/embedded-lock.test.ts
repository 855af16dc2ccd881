import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EmbeddedDatabaseInUse, embeddedDatabaseHolder, lockEmbeddedDatabase, lockFilePath } from "./embedded-lock";

let dir: string;
let dataDir: string;
const children: ChildProcess[] = [];

/** A live process that is not this one. */
function otherLiveProcess(): number {
  const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
  children.push(child);
  return child.pid!;
}

function writeLock(pid: number, holder: "app" | "jobs") {
  fs.writeFileSync(lockFilePath(dataDir), JSON.stringify({ pid, holder, since: new Date().toISOString() }));
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "twinning-lock-"));
  dataDir = path.join(dir, "pglite");
});

afterEach(() => {
  for (const child of children.splice(0)) child.kill();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("the embedded database lock file", () => {
  it("sits beside the data folder and is released by its holder", () => {
    const lock = lockEmbeddedDatabase(dataDir, "jobs");
    expect(JSON.parse(fs.readFileSync(path.join(dir, "pglite.lock"), "utf8"))).toMatchObject({ pid: process.pid, holder: "jobs" });
    // Our own lock is no obstacle to us.
    expect(embeddedDatabaseHolder(dataDir)).toBeNull();
    lock.release();
    expect(fs.existsSync(lockFilePath(dataDir))).toBe(false);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("refuses while another live process holds the folder, and says who", () => {
    const pid = otherLiveProcess();
    writeLock(pid, "app");
    expect(embeddedDatabaseHolder(dataDir)).toMatchObject({ pid, holder: "app" });
    let refused: unknown;
    try {
      lockEmbeddedDatabase(dataDir, "jobs");
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(EmbeddedDatabaseInUse);
    expect((refused as EmbeddedDatabaseInUse).lock).toMatchObject({ pid, holder: "app" });
    // The other process's lock is untouched.
    expect(JSON.parse(fs.readFileSync(lockFilePath(dataDir), "utf8"))).toMatchObject({ pid });
  });

  it("takes over a lock whose process has died, and one the caller may take over", () => {
    const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
    const deadPid = child.pid!;
    return new Promise<void>((resolve) => child.on("exit", () => resolve())).then(() => {
      writeLock(deadPid, "app");
      expect(embeddedDatabaseHolder(dataDir)).toBeNull();
      lockEmbeddedDatabase(dataDir, "jobs").release();

      writeLock(otherLiveProcess(), "app");
      expect(() => lockEmbeddedDatabase(dataDir, "app")).toThrow(EmbeddedDatabaseInUse);
      lockEmbeddedDatabase(dataDir, "app", { takeOverFrom: ["app"] });
      expect(JSON.parse(fs.readFileSync(lockFilePath(dataDir), "utf8"))).toMatchObject({ pid: process.pid, holder: "app" });
    });
  });
});
