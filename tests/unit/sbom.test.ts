// `npm run sbom`: a CycloneDX bill of the production dependencies, made offline from the lockfile.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeSbom } from "../../scripts/lib/sbom";

const ROOT = path.resolve(import.meta.dirname, "../..");

describe("the software bill of materials", () => {
  it("lists the production dependencies (pino, next, prisma's client), not the development ones (vitest, playwright)", { timeout: 120_000 }, async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "sbom-"));
    const written = await writeSbom(ROOT, path.join(folder, "sbom.cdx.json"));
    const bom = JSON.parse(fs.readFileSync(path.join(folder, "sbom.cdx.json"), "utf8")) as { bomFormat: string; metadata: { component: { name: string; type: string } }; components: { name: string }[] };
    expect(bom.bomFormat).toBe("CycloneDX");
    expect(bom.metadata.component).toMatchObject({ name: "twinning-office", type: "application" });
    const names = new Set(bom.components.map((component) => component.name));
    expect(written.components).toBe(bom.components.length);
    // zod and tsx are also what development packages use: `npm sbom --omit dev` alone drops them (npm/cli#7909).
    for (const name of ["pino", "next", "@prisma/client", "zod", "tsx"]) expect(names, name).toContain(name);
    for (const name of ["vitest", "@playwright/test", "eslint"]) expect(names, name).not.toContain(name);
    fs.rmSync(folder, { recursive: true, force: true });
  });
});
