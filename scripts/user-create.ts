// `npm run user:create -- --email someone@council.example --role ADMIN [--name "Full Name"]`
// Creates a user. The password is read from stdin when it is piped in, or asked for twice
// (without echo) at a terminal. Real deployments create their accounts this way.
import os from "node:os";
import { parseArgs } from "node:util";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { Role } from "@/generated/prisma/enums";
import { writeAudit } from "@/lib/audit";
import { hashPassword, MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { guessablePasswordReason, type PasswordOwner } from "@/lib/auth/password-strength";
import { normaliseEmail } from "@/lib/auth/sign-in";
import { closeDatabase, db } from "@/lib/db";
import { runScript } from "@/lib/config/scripts";

const USAGE = `Usage: npm run user:create -- --email <email> --role <STAFF|COUNCILLOR|ADMIN> [--name "<full name>"]
The password (at least ${MIN_PASSWORD_LENGTH} characters, not easy to guess) is read from stdin, or asked for at the terminal.
Example: printf '%s\\n' "$PASSWORD" | npm run user:create -- --email lead@council.example --role ADMIN --name "Sam Lead"`;

const MAX_PASSWORD_LENGTH = 1000;
const ROLES = Object.values(Role);

class UsageError extends Error {
  override name = "UsageError";
}

function readOptions() {
  let parsed;
  try {
    parsed = parseArgs({
      options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" }, help: { type: "boolean", short: "h" } },
      allowPositionals: false,
    });
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  const { values } = parsed;
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (!values.email) throw new UsageError(`--email is required.\n${USAGE}`);
  if (!values.role) throw new UsageError(`--role is required (one of ${ROLES.join(", ")}).\n${USAGE}`);
  const email = normaliseEmail(values.email);
  if (!z.email().safeParse(email).success || email.length > 320) throw new UsageError(`"${values.email}" is not a valid email address.`);
  const role = values.role.trim().toUpperCase();
  if (!ROLES.includes(role as Role)) throw new UsageError(`--role must be one of ${ROLES.join(", ")}, not "${values.role}".`);
  const name = (values.name ?? email.split("@")[0] ?? email).trim();
  if (name.length === 0 || name.length > 200) throw new UsageError("--name must be between 1 and 200 characters.");
  return { email, role: role as Role, name };
}

/** Everything piped to stdin, up to the first line break. */
async function readPipedPassword(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
}

/** Asks at the terminal without echoing what is typed. */
function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  return new Promise((resolve, reject) => {
    let value = "";
    const finish = (error?: Error) => {
      stdin.removeListener("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stdout.write("\n");
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (data: string) => {
      for (const char of data) {
        if (char === "\r" || char === "\n" || char === "\u0004") return finish();
        if (char === "\u0003") return finish(new Error("cancelled."));
        if (char === "\u007f" || char === "\b") value = value.slice(0, -1);
        else value += char;
      }
    };
    // Raw mode first, so nothing typed after the prompt appears is echoed.
    stdin.setEncoding("utf8");
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on("data", onData);
    process.stdout.write(question);
  });
}

async function readPassword(owner: PasswordOwner): Promise<string> {
  if (!process.stdin.isTTY) return readPipedPassword();
  const first = await promptHidden(`Password (at least ${MIN_PASSWORD_LENGTH} characters): `);
  await checkPassword(first, owner);
  const second = await promptHidden("Repeat the password: ");
  if (first !== second) throw new UsageError("The two passwords do not match.");
  return first;
}

async function checkPassword(password: string, owner: PasswordOwner): Promise<void> {
  if (password.length === 0) throw new UsageError("No password given: pipe it to stdin or type it at the prompt.");
  if ([...password].length < MIN_PASSWORD_LENGTH) throw new UsageError(`The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`);
  if (password.length > MAX_PASSWORD_LENGTH) throw new UsageError(`The password must be ${MAX_PASSWORD_LENGTH} characters or fewer.`);
  const guessable = await guessablePasswordReason(password, owner);
  if (guessable) throw new UsageError(`${guessable}.`);
}

await runScript("Creating the user", async () => {
  try {
    const { email, role, name } = readOptions();
    if (await db.user.findUnique({ where: { email }, select: { id: true } })) throw new UsageError(`A user with the email ${email} already exists.`);
    const password = await readPassword({ email, name });
    await checkPassword(password, { email, name });
    const passwordHash = await hashPassword(password);
    const user = await db.$transaction(async (tx) => {
      const created = await tx.user.create({ data: { email, name, role, passwordHash }, select: { id: true, email: true } });
      await writeAudit(tx, {
        actorEmail: `cli:${os.userInfo().username}`,
        action: "user.create",
        entityType: "User",
        entityId: created.id,
        details: { email, role, via: "npm run user:create" },
      });
      return created;
    });
    console.log(`Created ${role} user ${user.email} (${name}).`);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new Error("A user with that email already exists.");
    throw error;
  } finally {
    await closeDatabase();
  }
});
