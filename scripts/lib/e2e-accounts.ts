// Accounts the end-to-end suite signs in with. The demo accounts come from prisma/demo.ts;
// scripts/e2e-seed.ts adds the deactivated one.
export const DEMO_PASSWORD = "twinning-demo-2026";

export const DEMO_ACCOUNTS = {
  ADMIN: { email: "admin@example.org", name: "Alex Morgan" },
  STAFF: { email: "officer@example.org", name: "Olivia Okafor" },
  COUNCILLOR: { email: "councillor@example.org", name: "Cllr Chris Patel" },
  COUNCILLOR2: { email: "councillor2@example.org", name: "Cllr Dana Hughes" },
} as const;

export const DEACTIVATED_ACCOUNT = { email: "deactivated@example.org", name: "Dee Activated", role: "STAFF" } as const;

export const E2E_PORT = 3100;

/**
 * TWINNING_ALLOW_PRIVATE_FEEDS for an instance that may read the feed of the one on `port` of this
 * machine: the partner-feeds journey's two instances read each other (docs/decisions/025-partner-feeds.md).
 */
export function loopbackFeedAllowance(port: number): string {
  return `127.0.0.1:${port},[::1]:${port}`;
}

/** The session key of the end-to-end server (a test may sign a session token with it, e.g. an expired one). */
export const E2E_SECRET = process.env.NEXTAUTH_SECRET || "e2e-only-secret-0123456789abcdef0123456789";

