"use server";

import { decideProposal } from "@/lib/agreements/decide-proposal";
import { revalidateAgreements, revalidatePublic } from "@/lib/cache";
import { createAction } from "@/lib/safe-action";
import { voteSchema } from "@/lib/validation/agreement";

export const voteAction = createAction({
  permission: "proposal:decide",
  schema: voteSchema,
  async run(input, actor) {
    const result = await decideProposal(input, actor);
    revalidateAgreements();
    if (result.outcome !== "open") revalidatePublic();
    return result;
  },
  redirectTo: () => "/approvals",
});
