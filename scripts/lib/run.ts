// Running the project's own tools from scripts: always the local binaries in node_modules/.bin,
// output streamed as it comes, a non-zero exit turned into one clear error.
import { spawn, type SpawnOptions } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** node_modules/.bin/<name> of this project. */
export function bin(name: string): string {
  return path.join(ROOT, "node_modules", ".bin", name);
}

export class CommandFailedError extends Error {
  override name = "CommandFailedError";
  constructor(
    readonly label: string,
    readonly exitCode: number | null,
    readonly signal: NodeJS.Signals | null,
  ) {
    super(signal ? `${label} was stopped by ${signal}` : `${label} exited with code ${exitCode}`);
  }
}

/** Runs a command to completion; rejects with CommandFailedError unless it exits 0. */
export function run(command: string, args: readonly string[], options: SpawnOptions & { label?: string } = {}): Promise<void> {
  const label = options.label ?? [path.basename(command), ...args].join(" ");
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: "inherit", ...options });
    child.on("error", (error) => reject(new Error(`${label} could not start: ${error.message}`)));
    child.on("exit", (code, signal) => (code === 0 ? resolve() : reject(new CommandFailedError(label, code, signal))));
  });
}

/**
 * Starts a long-running server in the foreground: passes Ctrl-C / SIGTERM on to it and exits
 * with its exit code when it stops.
 */
export function runForeground(command: string, args: readonly string[], options: SpawnOptions = {}): Promise<never> {
  return new Promise((_resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: "inherit", ...options });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("error", (error) => reject(new Error(`${path.basename(command)} could not start: ${error.message}`)));
    child.on("exit", (code, signal) => process.exit(code ?? (signal === "SIGINT" || signal === "SIGTERM" ? 0 : 1)));
  });
}
