import { getCurrentUser } from "@/lib/auth/session";
import { redirectLocalized } from "@/lib/i18n/server";

export default async function Home() {
  return redirectLocalized((await getCurrentUser()) ? "/dashboard" : "/partners");
}
