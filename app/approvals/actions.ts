"use server";

import { decideProposal } from "@/lib/agreements/decide-proposal";
import { createAction } from "@/lib/web/safe-action";
import { voteSchema } from "@/lib/domain/validation/agreement";

export const voteAction = createAction({
  permission: "proposal:decide",
  schema: voteSchema,
  // A decided proposal may show on the public pages.
  invalidates: ["office", "public"],
  run: (input, actor) => decideProposal(input, actor),
  redirectTo: () => "/approvals",
});
