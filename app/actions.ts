"use server";

import { redirect } from "next/navigation";
import { endSession } from "@/lib/auth/session";

/** Ends the session on the server (a copy of the cookie stops working too), audited, and clears the cookie. */
export async function signOut(): Promise<void> {
  await endSession();
  redirect("/login?signedOut=1");
}
