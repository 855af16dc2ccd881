import type { ReactNode } from "react";

type Props = {
  /** The panel's id: its heading is `${id}-heading`, and names the region. */
  id: string;
  heading: string;
  hint?: string;
  /** How many the panel holds (its list shows the first of them), as the page words it; none when `empty` is shown. */
  totalText: string;
  /** What the panel says when it holds nothing, in place of its list. */
  empty: string | null;
  children?: ReactNode;
  /** A link to everything of its kind, shown whether or not the panel is empty. */
  footer?: ReactNode;
};

/** One panel of the dashboard: a region named by its heading, with its total, its list or its empty state. */
export function DashboardPanel({ id, heading, hint, totalText, empty, children, footer }: Props) {
  return (
    <section aria-labelledby={`${id}-heading`} data-testid={`panel-${id}`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      {hint ? <p className="hint">{hint}</p> : null}
      {empty !== null ? (
        <p>{empty}</p>
      ) : (
        <>
          <p className="text-sm text-slate-700">{totalText}</p>
          {children}
        </>
      )}
      {footer ? <p>{footer}</p> : null}
    </section>
  );
}
