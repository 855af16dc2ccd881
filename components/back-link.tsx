import { Link } from "@/components/link";

/** The way back, above a page's heading. */
export function BackLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <p>
      <Link href={href}>{children}</Link>
    </p>
  );
}
