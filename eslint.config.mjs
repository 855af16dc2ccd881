import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";
import { builtinModules } from "node:module";
import path from "node:path";

// ── Architecture boundaries (issue 18; lib/README.md and STYLE.md "The shape of the code") ──
// Checked by @typescript-eslint/no-restricted-imports, one block per kind of file; the blocks never
// overlap, because a later flat-config block's options for a rule replace an earlier block's.
// tests/unit/boundaries.test.ts proves that each rule fails a violating import.
//
// Type-only imports: a component may `import type` from the generated Prisma client (model
// shapes, erased at build), never anything from lib/db or lib/data (the props a page passes in
// are typed beside the pure code that shapes them, e.g. lib/exchanges/activity-summary.ts). Enum
// values come from @/generated/prisma/enums, which is plain constants and allowed everywhere. A
// pure module may `import type` from anywhere except lib/db; its values come only from other pure
// modules, so purity holds transitively. Dynamic `import()` is not checked.

/** Pure rules and schemas: no database, no reads, no framework, no Node.js. Files or folders ("/**"). */
export const PURE_MODULES = [
  // Rules, schemas, the policy table, formats of dates and numbers (lib/README.md).
  "lib/domain/**",
  // Pure parts that stay beside the feature they serve.
  "lib/web/action-result.ts",
  "lib/web/form-data.ts",
  "lib/web/security-headers.ts",
  "lib/auth/password-policy.ts",
  "lib/events/zoned-time.ts",
  "lib/exchanges/activity-summary.ts",
  "lib/exchanges/agreement-choices.ts",
  "lib/exchanges/currencies.ts",
  "lib/notifications/kinds.ts",
  "lib/notifications/templates.ts",
  "lib/notifications/preferences-schema.ts",
  "lib/export/agreement-table.ts",
  "lib/ical/calendar.ts",
  "lib/import/columns.ts",
  "lib/import/validate-rows.ts",
  "lib/import/import-state.ts",
  "lib/import/import-messages.ts",
  "lib/export/spreadsheet-safety.ts",
  // The languages and their messages (JSON data).
  "lib/i18n/locales.ts",
  "lib/i18n/messages.ts",
  "messages/**",
];

/**
 * Known violations, each `{ file, reason }`, left until their owners' work lands. Listed files are
 * left out of their boundary block (so nothing else is checked there either); keep this empty.
 */
export const BOUNDARY_EXCEPTIONS = [];

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const moduleName = (file) => file.replace(/\.tsx?$/, "");
const NODE_BUILTINS = [...new Set(builtinModules.map((name) => name.replace(/^node:/, "")))].map(escape).join("|");
const PURE_ALIASES = PURE_MODULES.map((entry) => (entry.endsWith("/**") ? `${escape(entry.slice(0, -2))}` : `${escape(moduleName(entry))}$`)).join("|");

const RULE = "@typescript-eslint/no-restricted-imports";
const FORBID = {
  database: {
    regex: "(^|/)lib/db(/|$)",
    message: "The database (lib/db) is used only by reads (lib/data) and operations (lib/<entity>/<verb-noun>.ts), never by routes, components or pure rules.",
  },
  prismaRuntime: {
    regex: "(^|/)generated/prisma/(client|internal|models)(/|\\.|$)|^@prisma/",
    allowTypeImports: true,
    message: "The Prisma client is the database: import its types with `import type`, enum values from @/generated/prisma/enums.",
  },
  reads: {
    regex: "(^|/)lib/data(/|$)",
    message: "Components render what the page read and passed in as props: they never import reads (lib/data), not even their types.",
  },
  serverOnly: {
    // The password dictionaries are megabytes: lib/auth/password-strength.ts loads them on the server only.
    regex: "^(server-only|next/headers|next/cache|next/server)$|^@zxcvbn-ts/|(^|/)lib/auth/password-strength$",
    message: "Components are UI only: requests, caches and server-only code (the password dictionaries too) belong to the page, the action or lib.",
  },
  framework: {
    regex: "^(server-only|next|react|react-dom)(/|$)",
    message: "Pure rules and schemas know no framework.",
  },
  node: {
    regex: `^(node:|(${NODE_BUILTINS})(/|$))`,
    message: "Pure rules and schemas use no Node.js module.",
  },
  notPure: {
    // Everything in the project but lib/db (refused outright above, types too) and the pure list.
    regex: `^@/(?!lib/db(/|$)|generated/prisma/enums$|${PURE_ALIASES})`,
    allowTypeImports: true,
    message: "A pure rule imports values only from other pure modules (PURE_MODULES in eslint.config.mjs) and @/generated/prisma/enums; types may come from anywhere but lib/db.",
  },
};

/** Relative imports from a pure file: none upwards (write "@/…"), and sideways only to pure siblings. */
function relativeRule(directory, wholeFolder) {
  const siblings = PURE_MODULES.filter((entry) => !entry.endsWith("/**") && path.posix.dirname(entry) === directory).map((entry) => escape(path.posix.basename(moduleName(entry))));
  return {
    regex: wholeFolder ? "^\\.\\./" : `^\\.\\./|^\\./(?!(${siblings.join("|")})$)`,
    message: "From a pure module, import other pure modules by \"@/…\" or a pure sibling: nothing else.",
  };
}

const TS_FILES = (glob) => [`${glob}.ts`, `${glob}.tsx`];
const exceptions = BOUNDARY_EXCEPTIONS.map((exception) => exception.file);

const pureBlocks = [...new Set(PURE_MODULES.map((entry) => (entry.endsWith("/**") ? entry : path.posix.dirname(entry))))].map((folder) => {
  const wholeFolder = folder.endsWith("/**");
  const directory = wholeFolder ? folder.slice(0, -3) : folder;
  return {
    files: wholeFolder ? TS_FILES(folder + "/*") : PURE_MODULES.filter((entry) => !entry.endsWith("/**") && path.posix.dirname(entry) === directory),
    ignores: ["**/*.test.ts", ...exceptions],
    rules: { [RULE]: ["error", { patterns: [FORBID.database, FORBID.framework, FORBID.node, FORBID.notPure, relativeRule(directory, wholeFolder)] }] },
  };
});

const boundaries = [
  {
    files: TS_FILES("components/**/*"),
    ignores: exceptions,
    rules: { [RULE]: ["error", { patterns: [FORBID.database, FORBID.reads, FORBID.prismaRuntime, FORBID.serverOnly] }] },
  },
  {
    files: TS_FILES("app/**/*"),
    ignores: exceptions,
    rules: { [RULE]: ["error", { patterns: [FORBID.database, FORBID.prismaRuntime] }] },
  },
  ...pureBlocks,
];

const config = [
  { ignores: ["node_modules/**", ".next/**", ".next-*/**", "generated/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "bench/results/**"] },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { "@typescript-eslint": tseslint.plugin },
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  ...boundaries,
];

export default config;
