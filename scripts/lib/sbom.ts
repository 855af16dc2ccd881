// The software bill of materials: `npm sbom` (CycloneDX), production dependencies only — what
// runs on the council's server. npm reads node_modules and the lockfile: no network.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

export const DEFAULT_SBOM_FILE = "build/sbom.cdx.json";

type CycloneDx = {
  bomFormat: string;
  specVersion: string;
  metadata?: { component?: { name?: string; version?: string; type?: string } };
  components?: { "bom-ref": string; name: string; version: string }[];
  dependencies?: { ref: string; dependsOn?: string[] }[];
};

type LockPackage = {
  name?: string;
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
};

/**
 * What `npm ci --omit dev` installs, from package-lock.json: name@version of every package
 * reached from the app by dependencies, optional dependencies and required peers — not by
 * development dependencies, nor by optional peers (next's @playwright/test). `installed`: whether
 * a package is on this machine (another platform's optional binaries are not).
 */
export function productionPackages(lock: { packages: Record<string, LockPackage> }, installed: (at: string) => boolean = () => true): Set<string> {
  const refs = new Set<string>();
  const seen = new Set<string>();
  /** Where `name` resolves from the package at `from`: its own node_modules, then each folder above. */
  const resolve = (from: string, name: string): string | null => {
    for (let folder = from; ; folder = folder.includes("/node_modules/") ? folder.slice(0, folder.lastIndexOf("/node_modules/")) : "") {
      const candidate = folder ? `${folder}/node_modules/${name}` : `node_modules/${name}`;
      if (lock.packages[candidate]) return candidate;
      if (!folder) return null;
    }
  };
  const visit = (at: string) => {
    if (seen.has(at)) return;
    seen.add(at);
    const entry = lock.packages[at];
    if (!entry) return;
    if (at && installed(at)) refs.add(`${entry.name ?? at.slice(at.lastIndexOf("node_modules/") + "node_modules/".length)}@${entry.version}`);
    const peers = Object.keys(entry.peerDependencies ?? {}).filter((name) => !entry.peerDependenciesMeta?.[name]?.optional);
    for (const name of [...Object.keys(entry.dependencies ?? {}), ...Object.keys(entry.optionalDependencies ?? {}), ...peers]) {
      const found = resolve(at, name);
      if (found) visit(found);
    }
  };
  visit("");
  return refs;
}

function run(command: string, args: string[], cwd: string) {
  return promisify(execFile)(command, args, { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, npm_config_offline: "true" } });
}

/**
 * `npm sbom` in `root`, production dependencies only, the app named as its package.json names it.
 * Not `npm sbom --omit dev`: it also drops a production package that a development one depends on
 * too (npm/cli#7909: here zod and tsx). The whole bill is filtered by the lockfile's production tree.
 */
export async function makeSbom(root: string): Promise<CycloneDx> {
  const { stdout } = await run("npm", ["sbom", "--sbom-format", "cyclonedx", "--sbom-type", "application"], root);
  const production = productionPackages(JSON.parse(fs.readFileSync(path.join(root, "package-lock.json"), "utf8")) as { packages: Record<string, LockPackage> }, (at) =>
    fs.existsSync(path.join(root, at, "package.json")),
  );
  const bom = JSON.parse(stdout) as CycloneDx;
  if (bom.bomFormat !== "CycloneDX") throw new Error(`npm sbom wrote no CycloneDX document (bomFormat: ${String(bom.bomFormat)})`);
  const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { name: string; version: string };
  const rootRef = `${manifest.name}@${manifest.version}`;
  const kept = (ref: string) => ref === rootRef || production.has(ref);
  bom.components = (bom.components ?? []).filter((component) => kept(component["bom-ref"]));
  bom.dependencies = (bom.dependencies ?? []).filter((entry) => kept(entry.ref)).map((entry) => ({ ...entry, dependsOn: entry.dependsOn?.filter(kept) }));
  const missing = [...production].filter((ref) => !bom.components!.some((component) => component["bom-ref"] === ref));
  if (missing.length) throw new Error(`npm sbom left out production packages: ${missing.slice(0, 5).join(", ")}`);
  // npm names the root after its folder; the bill names the app.
  if (bom.metadata?.component) bom.metadata.component = { ...bom.metadata.component, name: manifest.name, version: manifest.version };
  return bom;
}

/** Writes the bill to `file` (its folder made if needed); returns how many components it lists. */
export async function writeSbom(root: string, file: string): Promise<{ file: string; components: number; specVersion: string }> {
  const bom = await makeSbom(root);
  const target = path.resolve(root, file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, `${JSON.stringify(bom, null, 2)}\n`);
  return { file: path.relative(root, target), components: bom.components?.length ?? 0, specVersion: bom.specVersion };
}
