"use client";

import NextLink from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps, FocusEvent, MouseEvent, TouchEvent } from "react";

type LinkProps = Omit<ComponentProps<typeof NextLink>, "href"> & { href: string };

/**
 * The app's only link to its own pages: next/link, prefetching when the user reaches for the link
 * (pointer, keyboard focus, touch) instead of when it scrolls into view. Every page is dynamic and
 * checks the session, so viewport prefetching cost the server a render per visible link: ten for
 * the sidebar on every page view, fifty more for a list's rows. `prefetch={false}` turns it off.
 */
export function Link({ href, prefetch, onMouseEnter, onFocus, onTouchStart, ...props }: LinkProps) {
  const router = useRouter();
  const intent = prefetch !== false && href.startsWith("/");
  const prefetchOnIntent = () => {
    if (intent) router.prefetch(href);
  };
  return (
    <NextLink
      href={href}
      prefetch={false}
      onMouseEnter={(event: MouseEvent<HTMLAnchorElement>) => {
        prefetchOnIntent();
        onMouseEnter?.(event);
      }}
      onFocus={(event: FocusEvent<HTMLAnchorElement>) => {
        prefetchOnIntent();
        onFocus?.(event);
      }}
      onTouchStart={(event: TouchEvent<HTMLAnchorElement>) => {
        prefetchOnIntent();
        onTouchStart?.(event);
      }}
      {...props}
    />
  );
}
