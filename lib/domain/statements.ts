// The public statements (/accessibility, /privacy) and the footer's contact: how their text is
// shown. An admin's text is rendered from a very small subset of Markdown — "## " headings, "- "
// list items, blank lines between paragraphs — into blocks that React escapes: no HTML from the
// text ever reaches the page. Pure: no database, no framework.

export type StatementBlock = { kind: "heading"; text: string } | { kind: "paragraph"; lines: string[] } | { kind: "list"; items: string[] };

/** The text as blocks: headings, paragraphs (their line breaks kept, for addresses) and lists. */
export function statementBlocks(text: string): StatementBlock[] {
  const blocks: StatementBlock[] = [];
  let paragraph: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: "paragraph", lines: paragraph });
    if (list.length) blocks.push({ kind: "list", items: list });
    paragraph = [];
    list = [];
  };
  for (const raw of text.replace(/\r\n?/g, "\n").split("\n")) {
    const line = raw.trim();
    if (line === "") flush();
    else if (/^#{1,6}\s/.test(line)) {
      flush();
      blocks.push({ kind: "heading", text: line.replace(/^#{1,6}\s+/, "") });
    } else if (/^[-*]\s/.test(line)) {
      if (paragraph.length) flush();
      list.push(line.replace(/^[-*]\s+/, ""));
    } else {
      if (list.length) flush();
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}

/** Whether the council's contact is an email address (shown as a mailto: link), not a postal address. */
export function isEmailAddress(contact: string): boolean {
  return /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/.test(contact.trim());
}

/** The contact as one line, for a sentence of a statement: a postal address's lines joined by commas. */
export function contactInline(contact: string): string {
  return contact
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/,$/, ""))
    .filter(Boolean)
    .join(", ");
}

/** The "Content that is not accessible" section's lines: one list item per document. */
export function inaccessibleContentText(documents: readonly { title: string }[], describe: (title: string) => string, none: string): string {
  return documents.length === 0 ? none : documents.map((document) => `- ${describe(document.title.replace(/\s+/g, " ").trim())}`).join("\n");
}
