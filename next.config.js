// @ts-check
import createNextIntlPlugin from "next-intl/plugin";

// The language of each request and its messages (docs/decisions/020-languages.md).
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // A separate build folder lets tests build without clobbering a developer's build.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // PGlite loads its WASM and data files from node_modules at run time: keep it out of the bundle.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/adapter-pg",
    "@prisma/driver-adapter-utils",
    "pg",
    "@node-rs/argon2",
    // The password dictionaries (megabytes): read from node_modules by the first password set, not bundled.
    "@zxcvbn-ts/core",
    "@zxcvbn-ts/language-common",
    "@zxcvbn-ts/language-en",
  ],
  // Server actions take forms, never files: the proxy refuses a larger body before Next.js reads it
  // (lib/web/proxy-filter.ts ACTION_BODY_LIMIT_BYTES, the same figure). The spreadsheet import posts
  // its file to a route handler with a limit of its own (app/import/upload/route.ts).
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "128kb" } },
  // `npm test` type-checks the whole project first; its build may skip the duplicate check.
  typescript: { ignoreBuildErrors: process.env.SKIP_BUILD_TYPECHECK === "1" },
};

export default withNextIntl(nextConfig);
