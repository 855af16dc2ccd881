// `npm test`: everything the project checks, in order, stopping at the first failure:
// type check and lint (side by side: each uses one core) → unit and integration tests (Vitest) →
// end-to-end tests (Playwright).
// `npm test -- --skip-e2e` stops after Vitest. `npm test -- --clock-ahead "+400 days"` runs Vitest
// with the process clock moved ahead (Debian's faketime), which proves that no test depends on
// today's date; only on the embedded database, whose clock is this process's (a PostgreSQL
// server keeps its own).
import { execFileSync } from "node:child_process";
import { readDatabaseConfig } from "@/lib/db/config";
import { bin, CommandFailedError, run } from "./lib/run";

type Step = { name: string; command: string; args: string[]; env?: Record<string, string> };

/** Each stage's steps run side by side; the next stage starts when they all passed. */
const STAGES: Step[][] = [
  [
    { name: "Type check", command: bin("tsc"), args: ["--noEmit"] },
    { name: "Lint", command: bin("eslint"), args: ["."] },
  ],
  [{ name: "Unit and integration tests", command: bin("vitest"), args: ["run"] }],
  [{ name: "Chromium for end-to-end tests", command: bin("tsx"), args: ["scripts/ensure-browser.ts"] }],
  // The type check ran first: the build the e2e web server may run can skip its own (next.config.js).
  [{ name: "End-to-end tests", command: bin("playwright"), args: ["test"], env: { SKIP_BUILD_TYPECHECK: "1" } }],
];

function optionValue(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
}

/** The Vitest step with the clock moved ahead by `offset` (a faketime offset such as "+400 days"). */
function withClockAhead(step: Step, offset: string): Step {
  if (readDatabaseConfig(process.env).kind !== "pglite") {
    throw new Error("--clock-ahead moves this process's clock, which only the embedded database follows: unset DATABASE_URL");
  }
  try {
    execFileSync("faketime", ["--help"], { stdio: "ignore" });
  } catch {
    throw new Error("--clock-ahead needs Debian's faketime: sudo apt-get install -y faketime");
  }
  return {
    name: `${step.name} (clock ${offset})`,
    command: "faketime",
    args: [offset, step.command, ...step.args],
    // Timers and timeouts keep real time; only the wall clock moves.
    env: { ...step.env, FAKETIME_DONT_FAKE_MONOTONIC: "1" },
  };
}

const skipE2e = process.argv.includes("--skip-e2e");
const clockAhead = optionValue("--clock-ahead");
const stages = (skipE2e ? STAGES.map((stage) => stage.filter((step) => !step.name.includes("nd-to-end"))).filter((stage) => stage.length > 0) : STAGES).map((stage) =>
  stage.map((step) => (clockAhead && step.command === bin("vitest") ? withClockAhead(step, clockAhead) : step)),
);
const results: { name: string; outcome: "passed" | "FAILED" | "skipped"; seconds?: number }[] = [];
let failed: string | null = null;

async function runStep(step: Step): Promise<(typeof results)[number]> {
  console.log(`\n▶ ${step.name}`);
  const started = Date.now();
  try {
    await run(step.command, step.args, { label: step.name, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...step.env } });
    return { name: step.name, outcome: "passed", seconds: (Date.now() - started) / 1000 };
  } catch (error) {
    failed ??= error instanceof CommandFailedError ? error.message : `${step.name}: ${error instanceof Error ? error.message : String(error)}`;
    return { name: step.name, outcome: "FAILED", seconds: (Date.now() - started) / 1000 };
  }
}

for (const stage of stages) {
  if (failed) {
    results.push(...stage.map((step) => ({ name: step.name, outcome: "skipped" as const })));
    continue;
  }
  results.push(...(await Promise.all(stage.map(runStep))));
}

console.log("\nSummary");
for (const result of results) {
  const mark = result.outcome === "passed" ? "✓" : result.outcome === "FAILED" ? "✗" : "–";
  const time = result.seconds === undefined ? "" : ` (${result.seconds.toFixed(1)} s)`;
  console.log(`  ${mark} ${result.name}: ${result.outcome}${time}`);
}
if (failed) {
  console.error(`\nnpm test failed: ${failed}.`);
  process.exit(1);
}
console.log(skipE2e ? "\nAll checks passed (end-to-end tests skipped)." : "\nAll checks passed.");
