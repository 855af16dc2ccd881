import { revalidatePath, revalidateTag } from "next/cache";

/** Cache tags of what the public sees: the listing, partner pages and open data. */
export const PUBLIC_TAG = "public-partners";

/** After any write to agreements: staff pages re-render; the public ones too, when a decision may show there. */
export function revalidateAgreements(): void {
  revalidatePath("/agreements");
  revalidatePath("/dashboard");
  revalidatePath("/approvals");
}

/** After a decision: the public listing, partner pages and open data reflect it on the next request. */
export function revalidatePublic(): void {
  revalidateTag(PUBLIC_TAG, { expire: 0 });
  revalidatePath("/partners", "layout");
  revalidatePath("/open-data", "layout");
}
