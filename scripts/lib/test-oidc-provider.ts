// A real OpenID provider for the tests (the `oidc-provider` package, certified OpenID Connect),
// started in-process by the integration tests and by scripts/test-oidc-provider.ts for the
// end-to-end suite. One client (the app's), registered for the app's callback; the people it knows
// are the `identities` given (login name = subject), each with the claims its ID token carries.
// Its development sign-in page takes any password: type the login name. Never for production.
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type Configuration } from "oidc-provider";

/** A person at the test provider: the claims of their ID token besides `sub` (their login name). */
export type TestIdentity = { email?: string; email_verified?: boolean; name?: string; oid?: string; xms_edov?: boolean };

export const TEST_OIDC_CLIENT = { clientId: "twinning-office-test", clientSecret: "test-only-client-secret-0123456789abcdef" } as const;

/** The end-to-end suite's people: Olivia's council account (the demo officer), and a stranger with no account here. */
export const E2E_IDENTITIES: Record<string, TestIdentity> = {
  "olivia.okafor": { email: "officer@example.org", email_verified: true, name: "Olivia Okafor" },
  "sam.stranger": { email: "sam.stranger@example.org", email_verified: true, name: "Sam Stranger" },
};

export type TestOidcProvider = { issuer: string; close: () => Promise<void> };

/**
 * Starts the provider on `port` (0: any free port) of `host`. `identities` is read at each sign-in,
 * so a test may add or change people while it runs. `redirectUris`: the app's callback addresses.
 */
export async function startTestOidcProvider({ port = 0, host = "localhost", redirectUris, identities }: { port?: number; host?: string; redirectUris: string[]; identities: Record<string, TestIdentity> | Map<string, TestIdentity> }): Promise<TestOidcProvider> {
  const lookup = (login: string) => (identities instanceof Map ? identities.get(login) : Object.hasOwn(identities, login) ? identities[login] : undefined);
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(port, host === "localhost" ? "127.0.0.1" : host, resolve));
  const issuer = `http://${host}:${(server.address() as AddressInfo).port}`;
  const configuration: Configuration = {
    clients: [
      {
        client_id: TEST_OIDC_CLIENT.clientId,
        client_secret: TEST_OIDC_CLIENT.clientSecret,
        redirect_uris: redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    async findAccount(_ctx, login) {
      const identity = lookup(login);
      if (!identity) return undefined;
      return { accountId: login, claims: async () => ({ sub: login, ...identity }) };
    },
    claims: { openid: ["sub"], email: ["email", "email_verified", "xms_edov"], profile: ["name", "oid"] },
    // The ID token carries the scopes' claims (as Entra's and Google's do), not only the userinfo endpoint.
    conformIdTokenClaims: false,
    // The app is the council's own: no consent screen, the scopes it asks for are granted.
    async loadExistingGrant(ctx) {
      const accountId = ctx.oidc.session?.accountId;
      const clientId = ctx.oidc.client?.clientId;
      if (!accountId || !clientId) return undefined;
      const grant = new ctx.oidc.provider.Grant({ accountId, clientId });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
    cookies: { keys: ["test-oidc-provider-cookie-key-not-secret"] },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 3600, IdToken: 600, Interaction: 600, Session: 3600 },
    features: { devInteractions: { enabled: true } },
  };
  const provider = new Provider(issuer, configuration);
  // The development-only warnings say what we know: this provider is for tests.
  provider.on("server_error", (_ctx, error) => console.error("[test-oidc-provider]", error));
  server.on("request", provider.callback());
  return {
    issuer,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
