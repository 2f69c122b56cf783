"use client";

import type { ComponentProps } from "react";
import { Button } from "./button";
import { useHydrated } from "./use-hydrated";

/** Marks a submit button the server rendered disabled only because the page was not live yet. */
export const UNTIL_HYDRATED = "data-until-hydrated";

/**
 * A form's submit button, disabled until the page can take the submit: pressed any earlier it
 * would send the form as a plain browser request, past the form's own handler. Inside a form that
 * loads at first interest (deferred.tsx) the wrapper enables it as soon as it holds submits.
 */
export function SubmitButton({ disabled, ...props }: Omit<ComponentProps<typeof Button>, "type">) {
  const hydrated = useHydrated();
  return <Button type="submit" disabled={disabled || !hydrated} {...{ [UNTIL_HYDRATED]: !hydrated && !disabled ? "" : undefined }} {...props} />;
}
