import { Fragment } from "react";
import { statementBlocks } from "@/lib/domain/statements";

/** A statement's text as headings, paragraphs and lists (lib/domain/statements.ts): text only, escaped by React. */
export function StatementText({ text, lang }: { text: string; lang?: string }) {
  return (
    <div className="max-w-3xl" lang={lang}>
      {statementBlocks(text).map((block, index) =>
        block.kind === "heading" ? (
          <h2 key={index}>{block.text}</h2>
        ) : block.kind === "list" ? (
          <ul key={index} className="list-disc space-y-1 pl-5">
            {block.items.map((item, itemIndex) => (
              <li key={itemIndex}>{item}</li>
            ))}
          </ul>
        ) : (
          <p key={index}>
            {block.lines.map((line, lineIndex) => (
              <Fragment key={lineIndex}>
                {lineIndex > 0 ? <br /> : null}
                {line}
              </Fragment>
            ))}
          </p>
        ),
      )}
    </div>
  );
}
