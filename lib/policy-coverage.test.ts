import { describe, expect, it } from "vitest";
import { ACTION_ACCESS, ROUTE_ACCESS } from "./permissions";
import { actionsInManifest, missingFromPolicy, type ServerReferenceManifest } from "./policy-coverage";

/** A manifest as `next build` writes it: one listed action, and one that someone has just added. */
const manifest: ServerReferenceManifest = {
  node: {
    "7f01": {
      workers: { "app/agreements/[id]/page": {}, "app/agreements/page": {} },
      filename: "app/agreements/[id]/actions.ts",
      exportedName: "agreementCommandAction",
    },
    "7f02": {
      workers: { "app/partners/[slug]/page": {} },
      filename: "app/partners/[slug]/actions.ts",
      exportedName: "subscribeAction",
    },
    "7f03": { workers: { "app/layout": {} }, filename: "app/actions.ts", exportedName: "signOut" },
  },
};

describe("actionsInManifest", () => {
  it("names each action by file and export, with a page that runs it", () => {
    expect(actionsInManifest(manifest)).toEqual([
      { id: "7f01", key: "app/agreements/[id]/actions.ts#agreementCommandAction", page: "/agreements/00000000-0000-4000-8000-000000000000" },
      { id: "7f02", key: "app/partners/[slug]/actions.ts#subscribeAction", page: "/partners/00000000-0000-4000-8000-000000000000" },
      { id: "7f03", key: "app/actions.ts#signOut", page: "/" },
    ]);
  });
});

describe("missingFromPolicy", () => {
  it("reports a new server action that has no entry in ACTION_ACCESS", () => {
    const keys = actionsInManifest(manifest).map((action) => action.key);
    expect(missingFromPolicy(keys, ACTION_ACCESS)).toEqual(["app/partners/[slug]/actions.ts#subscribeAction"]);
  });

  it("reports nothing when every action is listed", () => {
    expect(missingFromPolicy(Object.keys(ACTION_ACCESS), ACTION_ACCESS)).toEqual([]);
  });

  it("reports a new page that has no entry in ROUTE_ACCESS, once", () => {
    expect(missingFromPolicy(["/partners", "/agreements/[id]", "/reports", "/reports"], ROUTE_ACCESS)).toEqual(["/reports"]);
  });

  it("is not fooled by names every object has", () => {
    expect(missingFromPolicy(["constructor", "toString", "__proto__"], ACTION_ACCESS)).toEqual(["__proto__", "constructor", "toString"]);
  });
});
