import { revalidatePath } from "next/cache";
import { revalidateAgreements, revalidatePublic } from "@/lib/cache";

/** After an exchange or event is saved: the logs, its agreements (activity, dormancy), and the public pages when it shows there. */
export function revalidateActivity({ agreementIds, public: touchesPublic }: { agreementIds: (string | null | undefined)[]; public: boolean }): void {
  revalidatePath("/exchanges");
  revalidatePath("/events");
  revalidateAgreements();
  for (const id of new Set(agreementIds)) if (id) revalidatePath(`/agreements/${id}`);
  if (touchesPublic) revalidatePublic();
}
