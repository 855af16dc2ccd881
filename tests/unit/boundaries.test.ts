// The architecture's boundaries are enforced by `npm run lint` (eslint.config.mjs): this proves
// that each rule fails a violating import and lets a compliant one through, so a new violation
// cannot pass lint unnoticed.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const RULE = "@typescript-eslint/no-restricted-imports";

let eslint: ESLint;

beforeAll(async () => {
  eslint = new ESLint({
    cwd: root,
    // Only the boundary rule runs, so no type information (a TypeScript program) is needed.
    ruleFilter: ({ ruleId }) => ruleId === RULE,
    overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
  });
  // Loads eslint.config.mjs and its plugins once (seconds on a busy machine), outside the tests' time limit.
  await eslint.calculateConfigForFile(path.join(root, "components/new-widget.tsx"));
}, 60_000);

/** The boundary errors for `code` as if it were the file `filePath`: one message per import. */
async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: path.join(root, filePath) });
  const messages = result!.messages;
  const other = messages.filter((message) => message.ruleId !== RULE);
  expect(other, "only the boundary rule runs, and the snippet parses").toEqual([]);
  return messages.map((message) => message.message);
}

async function expectRefused(filePath: string, code: string, because: RegExp) {
  const errors = await boundaryErrors(filePath, code);
  expect(errors, `${filePath}: ${code}`).toHaveLength(1);
  expect(errors[0]).toMatch(because);
}

async function expectAllowed(filePath: string, code: string) {
  expect(await boundaryErrors(filePath, code), `${filePath}: ${code}`).toEqual([]);
}

describe("components (UI only)", () => {
  const file = "components/new-widget.tsx";

  it.each([
    ['import { db } from "@/lib/db";', /lib\/db/],
    ['import type { Tx } from "@/lib/db";', /lib\/db/],
    ['import { db } from "../lib/db";', /lib\/db/],
    ['import { listPublicPartners } from "@/lib/data/public";', /never import reads/],
    ['import type { AgreementFilters } from "@/lib/data/agreements";', /never import reads/],
    ['import { Prisma } from "@/generated/prisma/client";', /Prisma client is the database/],
    ['import "server-only";', /UI only/],
    ['import { headers } from "next/headers";', /UI only/],
    ['import { refuseGuessablePassword } from "@/lib/auth/password-strength";', /password dictionaries/],
    ['import { ZxcvbnFactory } from "@zxcvbn-ts/core";', /password dictionaries/],
  ])("refuses %s", async (code, because) => {
    await expectRefused(file, code, because);
  });

  it("allows UI, pure rules, enum values and Prisma types", async () => {
    await expectAllowed(
      file,
      [
        'import Link from "next/link";',
        'import { useState } from "react";',
        'import { Role } from "@/generated/prisma/enums";',
        'import type { Agreement } from "@/generated/prisma/client";',
        'import { availableCommands } from "@/lib/domain/lifecycle";',
        'import { can } from "@/lib/domain/permissions";',
        'import { commandSchema } from "@/lib/domain/validation/agreement";',
        'import { Field } from "@/components/form/fields";',
      ].join("\n"),
    );
  });
});

describe("routes (app/)", () => {
  it.each([
    ["app/partners/page.tsx", 'import { db } from "@/lib/db";'],
    ["app/agreements/[id]/actions.ts", 'import { db } from "../../../lib/db";'],
    ["app/api/health/route.ts", 'import type { Tx } from "@/lib/db";'],
    ["app/actions.ts", 'export { db } from "@/lib/db";'],
  ])("%s: refuses %s", async (file, code) => {
    await expectRefused(file, code, /lib\/db/);
  });

  it("refuses the Prisma runtime (raw SQL belongs in a read or an operation)", async () => {
    await expectRefused("app/dashboard/page.tsx", 'import { Prisma } from "@/generated/prisma/client";', /Prisma client is the database/);
  });

  it("allows reads, operations and headers", async () => {
    await expectAllowed(
      "app/partners/page.tsx",
      [
        'import { headers } from "next/headers";',
        'import { getSettings } from "@/lib/data/settings";',
        'import { applyCommand } from "@/lib/agreements/apply-command";',
        'import type { Prisma } from "@/generated/prisma/client";',
      ].join("\n"),
    );
  });
});

describe("pure rules and schemas", () => {
  it.each([
    ["lib/domain/new-rule.ts", 'import { db } from "@/lib/db";', /lib\/db/],
    ["lib/domain/new-rule.ts", 'import type { Tx } from "@/lib/db";', /lib\/db/],
    ["lib/domain/new-rule.ts", 'import { getSettings } from "@/lib/data/settings";', /pure rule imports values only/],
    ["lib/domain/new-rule.ts", 'import { writeAudit } from "@/lib/audit";', /pure rule imports values only/],
    ["lib/domain/new-rule.ts", 'import { Prisma } from "@/generated/prisma/client";', /pure rule imports values only/],
    ["lib/domain/new-rule.ts", 'import "server-only";', /no framework/],
    ["lib/domain/new-rule.ts", 'import { headers } from "next/headers";', /no framework/],
    ["lib/domain/new-rule.ts", 'import { randomUUID } from "node:crypto";', /no Node\.js module/],
    ["lib/domain/new-rule.ts", 'import { createHash } from "crypto";', /no Node\.js module/],
    ["lib/domain/new-rule.ts", 'import { getSettings } from "../data/settings";', /pure sibling/],
    ["lib/domain/validation/new-schema.ts", 'import { db } from "@/lib/db";', /lib\/db/],
    ["lib/domain/validation/new-schema.ts", 'import { listAgreements } from "@/lib/data/agreements";', /pure rule imports values only/],
    ["lib/domain/validation/new-schema.ts", 'import { cookies } from "next/headers";', /no framework/],
    ["lib/domain/permissions.ts", 'import { getSession } from "@/lib/auth/session";', /pure rule imports values only/],
    ["lib/web/action-result.ts", 'import { createAction } from "./safe-action";', /pure sibling/],
    ["lib/web/security-headers.ts", 'import { clientAddress } from "./request-context";', /pure sibling/],
  ])("%s: refuses %s", async (file, code, because) => {
    await expectRefused(file, code, because);
  });

  it("allows other pure modules, enum values, types from anywhere but lib/db, and plain packages", async () => {
    await expectAllowed(
      "lib/domain/new-rule.ts",
      [
        'import { z } from "zod";',
        'import { Role } from "@/generated/prisma/enums";',
        'import type { Prisma } from "@/generated/prisma/client";',
        'import type { AgreementFilters } from "@/lib/data/agreements";',
        'import { can } from "@/lib/domain/permissions";',
        'import { AppError } from "@/lib/domain/errors";',
        'import { isUuid } from "@/lib/domain/validation/fields";',
        'import { statusLabel } from "./lifecycle";',
      ].join("\n"),
    );
    await expectAllowed("lib/domain/public-format.ts", 'import type { PublicLink } from "./public-types";\nimport { PAGE_SIZE } from "./pagination";');
  });

  it("lists only modules that exist (a stale entry would check nothing)", async () => {
    const { PURE_MODULES } = (await import(path.join(root, "eslint.config.mjs"))) as { PURE_MODULES: string[] };
    const missing = PURE_MODULES.filter((entry) => (entry.endsWith("/**") ? !readdirSync(path.join(root, entry.slice(0, -3)), { recursive: true }).some((name) => /\.(?:ts|json)$/.test(String(name))) : !existsSync(path.join(root, entry))));
    expect(missing).toEqual([]);
  });
});

describe("the tree as it is", () => {
  it("keeps every boundary", { timeout: 60_000 }, async () => {
    const results = await eslint.lintFiles(["app", "components", "lib"]);
    const violations = results.flatMap((result) => result.messages.filter((message) => message.ruleId === RULE).map((message) => `${path.relative(root, result.filePath)}:${message.line} ${message.message}`));
    expect(violations).toEqual([]);
  });
});
