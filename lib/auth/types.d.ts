import type { Role } from "@/generated/prisma/enums";

declare module "next-auth/jwt" {
  interface JWT {
    role?: Role;
    sessionVersion?: number;
  }
}
