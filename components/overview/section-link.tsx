import { Link } from "@/components/ui/link";

/** The "see everything" link in an overview card's header. */
export function SectionLink({ href, children }: { href: string; children: string }) {
  return (
    <Link href={href} className="text-sm font-medium text-brand-600 hover:underline dark:text-brand-100">
      {children}
    </Link>
  );
}
