import type { Metadata } from "next";
import { BackLink } from "@/components/back-link";
import { AgreementForm } from "@/components/agreement-form";
import { requirePageUser } from "@/lib/auth/session";
import { listPartnerChoices } from "@/lib/data/agreements";
import { createAgreementAction } from "./actions";

export const metadata: Metadata = { title: "Draft a new agreement" };

export default async function NewAgreementPage() {
  await requirePageUser("/agreements/new", "agreement:draft");
  const partners = await listPartnerChoices();
  return (
    <>
      <BackLink href="/agreements">Back to agreements</BackLink>
      <h1>Draft a new agreement</h1>
      <p className="mb-6 max-w-2xl">A draft is only seen by staff and councillors. When it is ready, submit it for approval.</p>
      <AgreementForm
        action={createAgreementAction}
        partners={partners}
        defaultValues={{ localityKind: "TOWN", relationshipType: "TWIN_TOWN", themes: [] }}
      />
    </>
  );
}
