// `npm run sbom [-- <file>]`: the software bill of materials (CycloneDX, production dependencies
// only) from `npm sbom`, into build/sbom.cdx.json unless a file is given. Offline.
import { runScript } from "@/lib/config/scripts";
import { DEFAULT_SBOM_FILE, writeSbom } from "./lib/sbom";

await runScript("SBOM", async () => {
  const file = process.argv[2] ?? DEFAULT_SBOM_FILE;
  if (file.startsWith("-") || process.argv.length > 3) throw new Error("give at most one file name. Usage: npm run sbom [-- <file.json>]");
  const written = await writeSbom(process.cwd(), file);
  console.log(`Software bill of materials (CycloneDX ${written.specVersion}, production dependencies only): ${written.components} components in ${written.file}.`);
});
