// @ts-check

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
  ],
  // Imports send the spreadsheet (up to 2 MB, a third more as base64 on confirm) to a server action.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "4mb" } },
  // `npm test` type-checks the whole project first; its build may skip the duplicate check.
  typescript: { ignoreBuildErrors: process.env.SKIP_BUILD_TYPECHECK === "1" },
};

export default nextConfig;
