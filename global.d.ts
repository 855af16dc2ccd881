import type { Messages } from "@/lib/i18n/messages";

// Message keys are checked by the type checker: a key used in code exists in English.
declare module "next-intl" {
  interface AppConfig {
    Messages: Messages;
  }
}
