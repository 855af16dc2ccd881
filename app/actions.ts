"use server";

import { redirect } from "next/navigation";
import { endSession, getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";

export async function signOut(): Promise<void> {
  const user = await getCurrentUser();
  if (user) await db.$transaction((tx) => writeAudit(tx, { actor: user, action: "auth.sign-out" }));
  await endSession();
  redirect("/login?signedOut=1");
}
