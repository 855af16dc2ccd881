// One clear line when a script or the server cannot start (lib/config/scripts.ts), and the build
// staleness check the demo and e2e server use (scripts/lib/build.ts).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DatabaseConfigError } from "@/lib/db/config";
import { ConfigurationError } from "@/lib/config/env";
import { explainStartupError } from "@/lib/config/scripts";
import { buildNeeded } from "@/scripts/lib/build";

describe("explainStartupError", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("passes configuration errors through as they are", () => {
    expect(explainStartupError(new DatabaseConfigError("DATABASE_URL is not a valid URL"))).toBe("DATABASE_URL is not a valid URL");
    expect(explainStartupError(new ConfigurationError("NEXTAUTH_SECRET is not set."))).toBe("NEXTAUTH_SECRET is not set.");
  });

  it("says an unreachable server is unreachable, without the password", () => {
    vi.stubEnv("DATABASE_URL", "postgresql://app:secret@db.internal:5432/twinning");
    const message = explainStartupError(Object.assign(new Error("connect ECONNREFUSED 10.0.0.1:5432"), { code: "ECONNREFUSED" }));
    expect(message).toBe("Cannot reach PostgreSQL at postgresql://app:***@db.internal:5432/twinning. Check that the server is running and that DATABASE_URL is right.");
  });

  it("says a missing table means the migrations have not run (not that the database is missing)", () => {
    vi.stubEnv("DATABASE_URL", "");
    vi.stubEnv("PGLITE_DATA_DIR", "./data/somewhere");
    const error = Object.assign(new Error("The table `public.User` does not exist in the current database."), { code: "P2021" });
    expect(explainStartupError(error)).toMatch(/^The database has no tables yet \(embedded PGlite in .*data\/somewhere\)\. Run npm run db:migrate first\.$/);
  });

  it("says a missing PostgreSQL database does not exist", () => {
    vi.stubEnv("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/nope");
    const error = new Error('database "nope" does not exist');
    expect(explainStartupError(error)).toMatch(/^The database in DATABASE_URL does not exist/);
  });

  it("names a refused password", () => {
    vi.stubEnv("DATABASE_URL", "postgresql://app:secret@db/twinning");
    expect(explainStartupError(new Error('password authentication failed for user "app"'))).toMatch(/refused the user or password/);
  });

  it("falls back to the error's own message", () => {
    expect(explainStartupError(new Error("Something else"))).toBe("Something else");
    expect(explainStartupError("plain text")).toBe("plain text");
  });
});

describe("buildNeeded", () => {
  let root: string;
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  function touch(file: string, secondsAgo: number) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, "");
    const when = new Date(Date.now() - secondsAgo * 1000);
    fs.utimesSync(file, when, when);
  }

  it("builds when there is no build, or a source is newer than it, and not otherwise", () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "twinning-build-"));
    touch(path.join(root, "app", "page.tsx"), 100);
    expect(buildNeeded(".next", root)).toBe("there is no production build yet");

    touch(path.join(root, ".next", "BUILD_ID"), 50);
    expect(buildNeeded(".next", root)).toBeNull();
    expect(buildNeeded(".next-e2e", root)).toBe("there is no production build yet");

    touch(path.join(root, "lib", "thing.test.ts"), 10);
    expect(buildNeeded(".next", root)).toBeNull();

    touch(path.join(root, "lib", "thing.ts"), 10);
    expect(buildNeeded(".next", root)).toBe(`${path.join("lib", "thing.ts")} changed since the last build`);
  });
});
