// The end-to-end suite's OpenID provider (playwright.config.ts webServer): on port E2E_PORT + 1000,
// with the app on E2E_PORT as its one client (scripts/lib/test-oidc-provider.ts).
import { E2E_PORT } from "./lib/e2e-accounts";
import { E2E_IDENTITIES, startTestOidcProvider } from "./lib/test-oidc-provider";

const appPort = Number(process.env.E2E_PORT ?? E2E_PORT);
const provider = await startTestOidcProvider({
  port: appPort + 1000,
  redirectUris: [`http://localhost:${appPort}/api/auth/callback/oidc`],
  identities: E2E_IDENTITIES,
});
console.log(`[test-oidc-provider] ${provider.issuer} for http://localhost:${appPort}`);
