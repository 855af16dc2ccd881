// Documents (issue 23 item 2), one lean journey: on an Active agreement of its own, an officer
// uploads a public charter (a PDF), with the page's own form (a plain multipart form that works
// without JavaScript); a refused file (a Word file with macros) says why in the error summary, the
// form keeping what was typed; a resident without a session finds the charter on the public
// partner page and downloads it as an attachment, sandboxed and never sniffed, byte for byte.
import { activeAgreement, signedIn } from "./active-agreement";
import { axeViolations } from "./axe";
import { expect, test, uniquePartnerName } from "./fixtures";
import { docx, pdf } from "../tests/helpers/document-files";

test("staff upload a public charter that a resident downloads from the partner page; a macro-enabled file is refused with its reason", async ({ browser }) => {
  // An Active agreement of its own first (drafted, submitted, approved), then two uploads and two axe checks.
  test.setTimeout(180_000);
  const partner = uniquePartnerName();
  const path = await activeAgreement(browser, partner);
  const charter = pdf("/Title (Charter of friendship) ");

  const officer = await signedIn(browser, "STAFF");
  await officer.goto(path);
  const upload = officer.getByRole("form", { name: "Upload a document" });
  await upload.getByLabel("Title").fill("Charter of friendship");
  await upload.getByLabel("Document type").selectOption({ label: "Charter" });
  await upload.getByLabel("Show to the public").check();
  await upload.getByLabel("Accessible", { exact: true }).check();
  await upload.getByLabel("File").setInputFiles({ name: "charter.pdf", mimeType: "application/pdf", buffer: charter });
  await upload.getByRole("button", { name: "Upload" }).click();
  await expect(officer.getByText("The document has been uploaded.")).toBeVisible();
  const documents = officer.getByRole("region", { name: "Documents" });
  await expect(documents.getByRole("link", { name: "Charter of friendship" })).toBeVisible();

  // A Word file with macros, named .docx: refused, and the form says why.
  await upload.getByLabel("Title").fill("Committee report");
  await upload.getByLabel("Document type").selectOption({ label: "Committee report" });
  await upload.getByLabel("File").setInputFiles({ name: "report.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer: docx([{ name: "word/vbaProject.bin", data: "macro" }]) });
  await upload.getByRole("button", { name: "Upload" }).click();
  const summary = officer.getByTestId("error-summary");
  await expect(summary.getByRole("heading", { name: "There is a problem" })).toBeVisible();
  await expect(summary.getByRole("link", { name: /The file contains macros/ })).toBeVisible();
  await expect(officer.getByRole("form", { name: "Upload a document" }).getByText(/The file contains macros/)).toBeVisible();
  // What was typed comes back with the error (the file cannot).
  await expect(upload.getByLabel("Title")).toHaveValue("Committee report");
  await expect(upload.getByLabel("Document type")).toHaveValue("COMMITTEE_REPORT");
  expect(await axeViolations(officer)).toEqual([]);
  const publicPage = await officer.getByRole("link", { name: /^\/partners\// }).getAttribute("href");
  await officer.context().close();

  // A resident, no session: the partner page lists the charter; the link downloads it.
  const resident = await (await browser.newContext()).newPage();
  await resident.goto(publicPage!);
  const section = resident.getByRole("region", { name: "Documents" });
  const link = section.getByRole("link", { name: "Charter of friendship" });
  await expect(link).toBeVisible();
  expect(await axeViolations(resident)).toEqual([]);
  const [download] = await Promise.all([resident.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe("charter.pdf");
  const response = await resident.request.get((await link.getAttribute("href"))!);
  expect(response.status()).toBe(200);
  expect(response.headers()).toMatchObject({
    "content-type": "application/pdf",
    "x-content-type-options": "nosniff",
    "content-security-policy": "sandbox; default-src 'none'",
    "content-disposition": `attachment; filename="charter.pdf"; filename*=UTF-8''charter.pdf`,
  });
  expect(Buffer.from(await response.body()).equals(charter)).toBe(true);
  await resident.context().close();
});
