// Calling the build's server actions over HTTP, as a browser's enhanced form does: the action's
// id (from the build's server-reference manifest) in the Next-Action header, the arguments
// (previous state, input) as JSON. The answer is the action's result, or a redirect on success.
import fs from "node:fs";
import path from "node:path";
import { test, type APIRequestContext } from "@playwright/test";
import { actionsInManifest, type ManifestAction, type ServerReferenceManifest } from "../lib/domain/policy-coverage";

/** An action by its ACTION_ACCESS key ("app/approvals/actions.ts#voteAction") and a page that runs it. */
export type ServerAction = ManifestAction;

export type ActionCall = {
  status: number;
  /** Where the action redirected to (on success), e.g. "/approvals?done=open". */
  redirect: string | null;
  result: { status?: string; message?: string; formError?: string; fieldErrors?: Record<string, string[]> } | null;
  body: string;
};

/** The build the e2e server runs (scripts/e2e-server.ts builds into NEXT_DIST_DIR or .next-e2e). */
function buildFolder(): string {
  return process.env.NEXT_DIST_DIR || ".next-e2e";
}

export function loadServerActions(): ServerAction[] {
  return actionsInManifest(JSON.parse(fs.readFileSync(path.join(buildFolder(), "server", "server-reference-manifest.json"), "utf8")) as ServerReferenceManifest);
}

export function serverAction(actions: readonly ServerAction[], key: string): ServerAction {
  const action = actions.find((candidate) => candidate.key === key);
  if (!action) throw new Error(`No server action ${key} in the build.`);
  return action;
}

export async function callServerAction(request: APIRequestContext, action: ServerAction, input: unknown, options: { page?: string; origin?: string; timeout?: number } = {}): Promise<ActionCall> {
  const origin = options.origin ?? new URL(test.info().project.use.baseURL!).origin;
  const response = await request.post(options.page ?? action.page, {
    headers: { "Next-Action": action.id, Origin: origin, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    data: JSON.stringify([{ status: "idle" }, input]),
    maxRedirects: 0,
    timeout: options.timeout,
  });
  const body = await response.text();
  const redirect = response.headers()["x-action-redirect"]?.split(";")[0] ?? response.headers().location ?? null;
  return { status: response.status(), redirect, result: actionResult(body), body };
}

/** The action's return value in the RSC payload: row 0 points at it ("a": "$@1"). A redirect carries none. */
function actionResult(body: string): ActionCall["result"] {
  const rows = new Map(body.split("\n").map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 1)]));
  try {
    const root = JSON.parse(rows.get("0") ?? "null") as { a?: unknown } | null;
    const ref = typeof root?.a === "string" && root.a.startsWith("$@") ? root.a.slice(2) : undefined;
    return ref === undefined ? null : (JSON.parse(rows.get(ref) ?? "null") as ActionCall["result"]);
  } catch {
    return null;
  }
}

/** Signs a request context in through NextAuth's credentials callback, as the login form does; its cookie jar keeps the session. */
export async function signInRequest(request: APIRequestContext, email: string, password: string): Promise<void> {
  const csrf = await request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, callbackUrl: "/dashboard", json: "true" },
    maxRedirects: 0,
  });
  const session = (await request.storageState()).cookies.find((cookie) => cookie.name.endsWith("next-auth.session-token"));
  if (!session) throw new Error(`Signing in as ${email} failed (HTTP ${response.status()}).`);
}
