import { useTranslations } from "next-intl";
import { confirmationFor, type ConfirmationScope } from "@/lib/web/confirmations";

/** The one confirmation box: a status region, so a screen reader announces it. */
export function SuccessBanner({ children, testId, wide = false }: { children: React.ReactNode; testId?: string; wide?: boolean }) {
  return (
    <div role="status" className={`mb-6 ${wide ? "max-w-3xl" : "max-w-2xl"} border-l-8 border-success bg-green-50 p-4 font-semibold`} data-testid={testId}>
      {children}
    </div>
  );
}

/** The confirmation a redirect carried to this page (?done=<code>, lib/web/confirmations.ts), if it is one of `scope`'s, in the page's language. */
export function ConfirmationBanner({ scope, done }: { scope: ConfirmationScope; done: string | string[] | undefined }) {
  const t = useTranslations("confirmations");
  const confirmation = confirmationFor(scope, done);
  return confirmation ? <SuccessBanner>{t(confirmation)}</SuccessBanner> : null;
}
