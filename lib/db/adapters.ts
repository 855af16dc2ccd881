// Prisma driver adapters for both back ends, with the fixes that Prisma 6.19.3,
// pglite-prisma-adapter 0.6.1 and @prisma/adapter-pg 6.19.3 need (docs/decisions/001-database.md).
// No "server-only" here: prisma.config.ts (the CLI) loads this file too.
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum, DriverAdapterError, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { parseIntoClientConfig } from "pg-connection-string";
import type { DatabaseConfig } from "./config";

export type AdapterHandle = {
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** The embedded database, when there is one (scripts must close it or they hang). */
  pglite?: PGlite;
  /** A PostgreSQL server's connection settings, for a connection of its own outside the pool (lib/cache/listener.ts's LISTEN). */
  clientConfig?: pg.ClientConfig;
  close(): Promise<void>;
};

export function createAdapterFactory(config: DatabaseConfig): AdapterHandle {
  if (config.kind === "postgres") return postgresHandle(config.url);
  if (config.dataDir !== "memory://") fs.mkdirSync(path.dirname(path.resolve(config.dataDir)), { recursive: true });
  const pglite = new PGlite(config.dataDir);
  return pgliteHandle(pglite);
}

export function pgliteHandle(pglite: PGlite): AdapterHandle {
  return { factory: new PatchedPGliteFactory(pglite), pglite, close: () => pglite.close() };
}

/**
 * A PostgreSQL server, optionally inside one schema (tests: a fresh schema per file). The
 * schema is both Prisma's (it qualifies table and enum names) and the connection's
 * search_path (raw SQL and migration scripts).
 */
export function postgresHandle(url: string, schema?: string): AdapterHandle {
  const config = { ...parseIntoClientConfig(url), Client: CatalogTypesAsTextClient } as pg.PoolConfig;
  if (schema !== undefined) {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`Invalid schema name "${schema}": use lower-case letters, digits and _.`);
    config.options = [config.options, `-c search_path=${schema}`].filter(Boolean).join(" ");
  }
  const factory = new WholeScriptPgFactory(config, schema === undefined ? undefined : { schema });
  const { Client: _client, ...clientConfig } = config;
  return { factory, clientConfig, close: async () => {} };
}

type PostgresError = { code?: string; message: string; detail?: string; column?: string; constraint?: string; severity?: string; hint?: string };

/** The same mapping of SQLSTATEs that @prisma/adapter-pg applies, so both back ends raise the same Prisma codes. */
export function mapPostgresError(error: PostgresError) {
  const keyFields = error.detail?.match(/Key \(([^)]+)\)/)?.at(1)?.split(", ");
  switch (error.code) {
    case "23505":
      return { kind: "UniqueConstraintViolation", constraint: keyFields ? { fields: keyFields } : undefined } as const;
    case "23502":
      return { kind: "NullConstraintViolation", constraint: error.column ? { fields: [error.column] } : undefined } as const;
    case "23503":
      return {
        kind: "ForeignKeyConstraintViolation",
        constraint: error.column ? { fields: [error.column] } : error.constraint ? { index: error.constraint } : undefined,
      } as const;
    case "22001":
      return { kind: "LengthMismatch", column: error.column } as const;
    case "22003":
      return { kind: "ValueOutOfRange", cause: error.message } as const;
    case "40001":
      return { kind: "TransactionWriteConflict" } as const;
    case "42P01":
      return { kind: "TableDoesNotExist", table: error.message.split(" ").at(1)?.split('"').at(1) } as const;
    case "42703":
      return { kind: "ColumnNotFound", column: error.message.split(" ").at(1)?.split('"').at(1) } as const;
    default:
      return {
        kind: "postgres",
        code: error.code ?? "UNKNOWN",
        severity: error.severity ?? "UNKNOWN",
        message: error.message,
        detail: error.detail,
        column: error.column,
        hint: error.hint,
      } as const;
  }
}

/**
 * pglite-prisma-adapter 0.6.1 reports every error as {kind: "postgres"}, sends argument-less
 * scripts over the extended protocol (one statement only) and does not await executeScript.
 * Its classes are not exported: the first connected instance leads to their prototypes.
 */
class PatchedPGliteFactory extends PrismaPGlite {
  override async connect() {
    const adapter = await super.connect();
    patchPgliteAdapterClasses(adapter);
    return adapter;
  }
  override async connectToShadowDb() {
    const adapter = await super.connectToShadowDb();
    patchPgliteAdapterClasses(adapter);
    const shadow = (adapter as unknown as PatchableAdapter).client;
    adapter.dispose = () => shadow.close();
    return adapter;
  }
}

let pglitePatched = false;

function patchPgliteAdapterClasses(adapter: object) {
  if (pglitePatched) return;
  pglitePatched = true;
  const adapterPrototype = Object.getPrototypeOf(adapter) as PatchableAdapter;
  applyPglitePatches(adapterPrototype, Object.getPrototypeOf(adapterPrototype) as PatchableAdapter);
}

type PatchableAdapter = {
  client: PGlite;
  onError(error: unknown): never;
  performIO(query: { sql: string; args: unknown[] }): Promise<unknown>;
  executeScript(script: string): Promise<void>;
};

function applyPglitePatches(adapterPrototype: PatchableAdapter, queryablePrototype: PatchableAdapter) {
  queryablePrototype.onError = function onError(error: unknown): never {
    if (error instanceof Error && typeof (error as PostgresError).code === "string") {
      // Like @prisma/adapter-pg: raw-query errors (P2010) show originalCode and originalMessage.
      const postgresError = error as PostgresError;
      throw new DriverAdapterError({ originalCode: postgresError.code, originalMessage: postgresError.message, ...mapPostgresError(postgresError) } as never);
    }
    throw error;
  };
  const performIO = queryablePrototype.performIO;
  queryablePrototype.performIO = async function (this: PatchableAdapter, query) {
    if (query.args.length === 0 && /;\s*\S/.test(query.sql)) {
      try {
        const results = await this.client.exec(query.sql);
        const last = results.at(-1);
        return { fields: last?.fields ?? [], rows: [], affectedRows: last?.affectedRows ?? 0 };
      } catch (error) {
        this.onError(error);
      }
    }
    return performIO.call(this, query);
  };
  adapterPrototype.executeScript = async function (this: PatchableAdapter, script: string) {
    try {
      await this.client.exec(script);
    } catch (error) {
      this.onError(error);
    }
  };
}

/**
 * @prisma/adapter-pg splits a migration script on ";", which breaks dollar-quoted function
 * bodies. Send the whole script in one simple-protocol query instead, as psql would.
 */
class WholeScriptPgFactory extends PrismaPg {
  constructor(
    private readonly poolConfig: pg.PoolConfig,
    options?: ConstructorParameters<typeof PrismaPg>[1],
  ) {
    super(poolConfig, options);
  }

  override async connect() {
    const adapter = await super.connect();
    patchPgQueryable(adapter);
    const pool = adapter.underlyingDriver();
    adapter.executeScript = async (script: string) => {
      try {
        await pool.query(script);
      } catch (error) {
        (adapter as unknown as PatchableAdapter).onError(error);
      }
    };
    return adapter;
  }

  /**
   * `migrate dev` replays the migrations into a shadow database. @prisma/adapter-pg's own
   * shadow adapter splits scripts on ";" (breaking dollar-quoted function bodies) and drops
   * the database while its pool is still connected. Use a patched adapter for the shadow
   * database too, end its pool first, then drop it.
   */
  override async connectToShadowDb() {
    const main = await this.connect();
    const database = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`;
    await main.executeScript(`CREATE DATABASE "${database}"`);
    const { options: _searchPath, ...server } = this.poolConfig;
    const shadow = await new WholeScriptPgFactory({ ...server, database }).connect();
    const disposeShadow = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await disposeShadow();
      try {
        await main.executeScript(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      } finally {
        await main.dispose();
      }
    };
    return shadow;
  }
}

/**
 * The JS schema engine reads catalog columns whose types @prisma/adapter-pg cannot map
 * ("char", name, regproc, pg_node_tree, regclass, regtype): report them as text.
 */
const CATALOG_TYPES_AS_TEXT: Record<number, number> = { 18: 25, 19: 25, 24: 25, 194: 25, 2205: 25, 2206: 25, 1002: 1009, 1003: 1009 };
const CHAR_OID = 18;

type FieldLike = { dataTypeID: number; prismaCharacter?: boolean };
type QueryResultLike = { fields?: FieldLike[] };

function retypeFields<T>(result: T): T {
  for (const field of (result as QueryResultLike | undefined)?.fields ?? []) {
    const asText = CATALOG_TYPES_AS_TEXT[field.dataTypeID];
    if (asText === undefined) continue;
    // "char" (e.g. pg_constraint.contype) must reach the engine as a Character column, as
    // pglite-prisma-adapter reports it; as Text, introspecting a CHECK constraint panics
    // ("RuntimeError: unreachable" in `migrate dev` and `db pull`). Parsed as text here,
    // marked so that queryRaw reports the column as Character.
    if (field.dataTypeID === CHAR_OID) field.prismaCharacter = true;
    field.dataTypeID = asText;
  }
  return result;
}

type QueryablePrototype = {
  queryRaw(this: QueryablePrototype, query: unknown): Promise<{ columnTypes: number[] }>;
  performIO(this: QueryablePrototype, query: unknown): Promise<QueryResultLike>;
};

let pgQueryablePatched = false;

/** Reports "char" columns as Character (see retypeFields). Patches adapter-pg's shared queryable class once. */
function patchPgQueryable(adapter: object) {
  if (pgQueryablePatched) return;
  pgQueryablePatched = true;
  const queryable = Object.getPrototypeOf(Object.getPrototypeOf(adapter)) as QueryablePrototype;
  const queryRaw = queryable.queryRaw;
  queryable.queryRaw = async function (this: QueryablePrototype, query) {
    let characterColumns: number[] = [];
    const performIO = this.performIO.bind(this);
    const capturing = Object.create(this, {
      performIO: {
        value: async (io: unknown) => {
          const result = await performIO(io);
          characterColumns = (result.fields ?? []).flatMap((field, index) => (field.prismaCharacter ? [index] : []));
          return result;
        },
      },
    }) as QueryablePrototype;
    const result = await queryRaw.call(capturing, query);
    for (const index of characterColumns) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
}

class CatalogTypesAsTextClient extends pg.Client {
  // pg.Pool calls query with a callback; Prisma awaits the promise form.
  override query(...args: unknown[]): never {
    const callback = args.at(-1);
    if (typeof callback === "function") {
      const wrapped = (error: Error | null, result: unknown) => (callback as (e: Error | null, r: unknown) => void)(error, error ? result : retypeFields(result));
      return (super.query as (...a: unknown[]) => never)(...args.slice(0, -1), wrapped);
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    return (result instanceof Promise ? result.then(retypeFields) : result) as never;
  }
}

/**
 * The CLI never disposes its adapter, and an open PGlite re-arms a 10 s Emscripten timer
 * forever. Unref those timers so the CLI exits when its work is done.
 */
export function unrefPgliteTimers() {
  const original = globalThis.setTimeout;
  globalThis.setTimeout = ((handler: TimerHandler, timeout?: number, ...rest: unknown[]) => {
    const timer = original(handler as never, timeout, ...rest);
    if (typeof handler === "function" && handler.toString().includes("__emscripten_timeout")) timer.unref?.();
    return timer;
  }) as unknown as typeof setTimeout;
}
