import { ButtonLink, EmptyState, PageHeader } from "@/components/ui";

export const metadata = { title: "Page not found" };

/** A page the dashboard does not have, inside the shell, with the ways back. */
export default function DashboardNotFound() {
  return (
    <>
      <PageHeader title="Page not found" description="The dashboard has no page at this address." />
      <EmptyState
        title="Nothing here"
        action={<ButtonLink href="/">Back to the overview</ButtonLink>}
      >
        The link may be old or mistyped, or the item was deleted. The menu on the left leads to every page your role can open.
      </EmptyState>
    </>
  );
}
