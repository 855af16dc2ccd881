"use server";

// The import's one action, in the steps of lib/safe-action.ts (session → policy → input →
// operation → revalidate → typed result), written apart because its input is a file, which
// createAction's string form values cannot carry. Two intents:
//  - "check": the uploaded file is read and every row checked; nothing is written. The file
//    goes back to the page (base64) so the confirmation needs no second upload and no server-side
//    staging (instances stay stateless).
//  - "import": the confirmed file is checked again and imported in one transaction.
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { revalidateAgreements, revalidatePublic } from "@/lib/cache";
import { previewImport, runImport } from "@/lib/import/import-agreements";
import type { ImportState } from "@/lib/import/import-state";
import { FILE_TOO_LARGE, MAX_FILE_BYTES } from "@/lib/import/limits";
import type { UploadedFile } from "@/lib/import/read-spreadsheet";
import { requirePermission } from "@/lib/permissions";
import { errorResult } from "@/lib/safe-action";

const NO_FILE = "Choose a CSV or Excel file to check.";
const LOST_FILE = "The checked file did not come back with the confirmation. Choose the file and check it again.";

/** The base64 of the largest file accepted, and a little room. */
const MAX_BASE64_LENGTH = Math.ceil(MAX_FILE_BYTES / 3) * 4 + 8;

async function clientIp(): Promise<string | null> {
  const forwarded = (await headers()).get("x-forwarded-for");
  return forwarded?.split(",")[0]?.trim() || null;
}

type FileInput = { ok: true; file: UploadedFile } | { ok: false; message: string };

async function uploadedFile(formData: FormData): Promise<FileInput> {
  const file = formData.get("file");
  if (!(file instanceof File) || (file.size === 0 && !file.name)) return { ok: false, message: NO_FILE };
  // Refused before it is read (the readers check again).
  if (file.size > MAX_FILE_BYTES) return { ok: false, message: FILE_TOO_LARGE(file.size) };
  return { ok: true, file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } };
}

function confirmedFile(formData: FormData): FileInput {
  const content = formData.get("content");
  const name = formData.get("fileName");
  if (typeof content !== "string" || typeof name !== "string" || !content) return { ok: false, message: LOST_FILE };
  if (content.length > MAX_BASE64_LENGTH) return { ok: false, message: FILE_TOO_LARGE(Math.floor((content.length * 3) / 4)) };
  return { ok: true, file: { name, bytes: new Uint8Array(Buffer.from(content, "base64")) } };
}

function encode(file: UploadedFile): string {
  return Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength).toString("base64");
}

export async function importAction(_previous: ImportState, formData: FormData): Promise<ImportState> {
  try {
    const actor = await getCurrentUser();
    requirePermission(actor, "import:run");
    // A crafted request can send any value instead of the form.
    if (!(formData instanceof FormData)) return { status: "refused", message: NO_FILE };
    const intent = formData.get("intent") === "import" ? "import" : "check";
    const input = intent === "import" ? confirmedFile(formData) : await uploadedFile(formData);
    if (!input.ok) return { status: "refused", message: input.message };
    const { file } = input;

    if (intent === "check") {
      const preview = await previewImport(file, actor);
      if (!preview.ok) return { status: "refused", message: preview.message, fileName: file.name };
      const importable = preview.check.problemCount === 0 && preview.check.readyCount > 0;
      return { status: "checked", check: preview.check, content: importable ? encode(file) : "" };
    }

    const result = await runImport(file, actor, { ip: await clientIp() });
    if (!result.ok) {
      return result.check ? { status: "checked", check: result.check, content: "", message: result.message } : { status: "refused", message: result.message, fileName: file.name };
    }
    if (result.created > 0) {
      revalidateAgreements();
      revalidatePublic();
    }
    return { status: "imported", fileName: result.fileName, created: result.created, present: result.present, newPartners: result.newPartners };
  } catch (error) {
    unstable_rethrow(error);
    const result = errorResult(error);
    return { status: "refused", message: result.formError ?? "Something went wrong on our side and nothing was imported. Please try again." };
  }
}
