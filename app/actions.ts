"use server";

import { z } from "zod";
import { IDLE } from "@/lib/web/action-result";
import { endSession } from "@/lib/auth/session";
import { createAction } from "@/lib/web/safe-action";

/** Ends the session on the server (a copy of the cookie stops working too), audited, and clears the cookie. */
const signOutAction = createAction({
  // Anyone: a session that has already ended still has its cookie cleared.
  permission: null,
  schema: z.object({}),
  invalidates: [],
  run: () => endSession(),
  redirectTo: () => "/login",
});

/** The header's "Sign out" button: a plain form action, which keeps no form state (so no previous result). */
export async function signOut(): Promise<void> {
  const result = await signOutAction(IDLE, {});
  // Only a failure comes back (a success redirects): to the error page, as any failed request.
  if (result.status === "error") throw new Error(result.formError ?? "Signing out failed.");
}
