import { notFound } from "next/navigation";

/**
 * Any address no page of the dashboard answers: it ends here rather than in Next's bare page, so
 * the not-found page shows inside the shell (navigation, user, Sign out). Real pages win: Next
 * matches static and dynamic segments before a catch-all.
 */
export default function Missing(): never {
  notFound();
}
