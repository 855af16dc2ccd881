"use server";

import { startSession } from "@/lib/auth/session";
import { signInOrThrow } from "@/lib/auth/sign-in";
import { splitLocalePath } from "@/lib/i18n/locales";
import { siteOrigin } from "@/lib/web/request-context";
import { createAction } from "@/lib/web/safe-action";
import { safeReturnPath, signInSchema } from "@/lib/domain/validation/auth";

export const signInAction = createAction({
  // Anyone: this is how one signs in.
  permission: null,
  schema: signInSchema,
  invalidates: [],
  async run(input, _actor, { ip }) {
    const user = await signInOrThrow(input.email, input.password, ip);
    await startSession(user);
    // No confirmation: the page signed in to says enough.
    return { language: user.language, confirmation: undefined };
  },
  async redirectTo({ language }, input) {
    const path = safeReturnPath(input.callbackUrl, await siteOrigin());
    // A return address that names no language lands in the user's own (User.language): a Welsh
    // speaker signing in from an English page goes to /cy/…; one that names a language keeps it.
    if (language !== "en" && !splitLocalePath(path.replace(/[?#].*$/s, "")).prefixed) return { path, locale: language };
    return path;
  },
});
