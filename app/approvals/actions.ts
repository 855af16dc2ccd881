"use server";

import { redirect } from "next/navigation";
import { decideProposal } from "@/lib/agreements/decide-proposal";
import { revalidateAgreements, revalidatePublic } from "@/lib/cache";
import { createAction } from "@/lib/safe-action";
import { voteSchema } from "@/lib/validation/agreement";

export const voteAction = createAction({
  permission: "proposal:decide",
  schema: voteSchema,
  async run(input, actor) {
    const { outcome } = await decideProposal(input, actor);
    revalidateAgreements();
    if (outcome !== "open") revalidatePublic();
    redirect(`/approvals?done=${outcome}`);
  },
});
