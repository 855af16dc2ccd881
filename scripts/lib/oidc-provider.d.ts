// The few parts of `oidc-provider` (v9, which ships no types) that the test provider uses.
declare module "oidc-provider" {
  import type { IncomingMessage, ServerResponse } from "node:http";

  type Claims = Record<string, unknown> & { sub: string };
  type Account = { accountId: string; claims: () => Promise<Claims> };
  type Grant = { addOIDCScope(scope: string): void; save(): Promise<string> };
  type Context = {
    oidc: {
      session?: { accountId?: string };
      client?: { clientId: string };
      provider: { Grant: new (init: { accountId: string; clientId: string }) => Grant };
    };
  };

  export type Configuration = {
    clients: Record<string, unknown>[];
    findAccount: (ctx: Context, id: string) => Promise<Account | undefined>;
    claims: Record<string, string[]>;
    conformIdTokenClaims: boolean;
    loadExistingGrant: (ctx: Context) => Promise<Grant | undefined>;
    cookies: { keys: string[] };
    ttl: Record<string, number>;
    features: Record<string, { enabled: boolean }>;
  };

  export default class Provider {
    constructor(issuer: string, configuration: Configuration);
    on(event: "server_error", listener: (ctx: Context, error: Error) => void): this;
    callback(): (request: IncomingMessage, response: ServerResponse) => void;
  }
}
