// Running the project's own tools from scripts: always the local binaries in node_modules/.bin,
// output streamed as it comes, a non-zero exit turned into one clear error.
import { spawn, type SpawnOptions } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { processTree } from "./process-memory";

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

type Execve = (file: string, args: readonly string[], env: Record<string, string>) => never;

/**
 * Hands this process over to a long-running server. Where Node.js can (process.execve: Node.js
 * 22.15 and later, not on Windows), the server replaces this process: nothing of the script that
 * prepared it stays in memory, and Ctrl-C reaches the server itself. Elsewhere it runs in the
 * foreground, as runForeground does.
 */
export async function handOver(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<never> {
  const execve = (process as { execve?: Execve }).execve;
  if (typeof execve !== "function") return runForeground(command, args, { env });
  await stopChildren();
  process.chdir(ROOT);
  const strings = Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
  return execve.call(process, command, [command, ...args], strings);
}

/**
 * Stops what this process still runs (tsx's esbuild service) and waits until it is gone: a child
 * left behind would stay beside the server as a zombie that it never waits for.
 */
async function stopChildren(): Promise<void> {
  const children = processTree(process.pid).filter((pid) => pid !== process.pid);
  for (const pid of children) {
    try {
      process.kill(pid, "SIGTERM");
    } catch {
      // Already gone.
    }
  }
  const deadline = Date.now() + 2_000;
  while (Date.now() < deadline && children.some((pid) => fs.existsSync(`/proc/${pid}`))) await new Promise((resolve) => setTimeout(resolve, 20));
}
