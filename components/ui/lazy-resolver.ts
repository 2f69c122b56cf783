"use client";

import type { FieldValues, Resolver } from "react-hook-form";
import type { z } from "zod";

/**
 * A react-hook-form resolver whose zod schema is imported when the form is first validated
 * (on the first submit, or the first change the form's mode checks), not with the page: zod's
 * full build is about 30 KB gzip, as much as a whole page may add. The messages and the rules
 * are the schema's own, shown beside the fields before anything is sent, as with zodResolver.
 * Declare it at module level, so the import is made once per page load.
 */
export function lazyZodResolver<Input extends FieldValues, Output extends FieldValues>(
  load: () => Promise<z.ZodType<Output, Input>>,
): Resolver<Input, unknown, Output> {
  let ready: Promise<Resolver<Input, unknown, Output>> | undefined;
  return async (values, context, options) => {
    ready ??= Promise.all([load(), import("@hookform/resolvers/zod")]).then(
      ([schema, { zodResolver }]) => zodResolver(schema as never) as unknown as Resolver<Input, unknown, Output>,
    );
    return (await ready)(values, context, options);
  };
}
