import type { Role } from "@/generated/prisma/enums";

declare module "next-auth/jwt" {
  interface JWT {
    role?: Role;
    sessionVersion?: number;
    /** The session's row (UserSession.id); not `jti`, which NextAuth replaces at every encode. */
    sid?: string;
    /** When the session began (seconds): it ends SESSION_HOURS later, however often the cookie is re-issued. */
    authTime?: number;
  }
}
