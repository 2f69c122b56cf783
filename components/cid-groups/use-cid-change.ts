"use client";

import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { backToListIfGone } from "@/components/ui/gone-record";
import { dismissErrorToasts, toast } from "@/components/ui/toast";
import type { ActionError, ActionResult } from "@/lib/actions/result";
import { entriesKey, historyKey } from "./keys";
import type { CidEntry } from "./types";

/** An action's refusal, carried through TanStack Query's error channel. */
export class ActionFailure extends Error {
  constructor(readonly error: ActionError) {
    super(error.message);
  }
}

/** A server action from `action()`: it also takes FormData, which these callers never send. */
type Action<I, T> = (prev: unknown, input: FormData | I) => Promise<ActionResult<T>>;

interface Options<I> {
  /** Runs before the request: the optimistic change (TanStack's `onMutate`). */
  optimistic?: (input: I, client: QueryClient) => void;
}

/**
 * One change to a group's entries through a server action: a toast either way, the entries
 * read again from VICIdial afterwards (whatever happened, the live list is the truth), the
 * page's "Recent changes" read again (the change is in the audit log either way), and an
 * optimistic change rolled back when VICIdial refuses.
 */
export function useCidChange<I, T>(groupId: string, action: Action<I, T>, options: Options<I> = {}) {
  const client = useQueryClient();
  const router = useRouter();
  const key = entriesKey(groupId);
  return useMutation({
    mutationFn: async (input: I) => {
      const result = await action(undefined, input);
      if (!result.ok) throw new ActionFailure(result.error);
      return result;
    },
    onMutate: async (input: I) => {
      dismissErrorToasts();
      if (!options.optimistic) return { previous: undefined };
      await client.cancelQueries({ queryKey: key });
      const previous = client.getQueryData<CidEntry[]>(key);
      options.optimistic(input, client);
      return { previous };
    },
    onSuccess: (result) => {
      toast.success(result.message);
    },
    onError: (error, _input, context) => {
      if (context?.previous) client.setQueryData(key, context.previous);
      if (!(error instanceof ActionFailure)) toast.error("The change could not be sent; try again.");
      // The group itself is gone from VICIdial and off the list (an entry that is gone only re-reads).
      else if (error.error.code === "NOT_FOUND" && backToListIfGone(error.error, router.push, "/cid-groups")) return;
      // VICIdial failed while answering, but reading the group back found the change made.
      else if (error.error.reconciled?.state === "done") toast.warning(error.error.message);
      else toast.error(error.error.message);
    },
    onSettled: () => Promise.all([client.invalidateQueries({ queryKey: key }), client.invalidateQueries({ queryKey: historyKey(groupId) })]),
  });
}

export function actionErrorOf(error: unknown): ActionError | undefined {
  if (error instanceof ActionFailure) return error.error;
  if (error) return { kind: "unavailable", message: "The dashboard could not be reached; check your connection and try again." };
  return undefined;
}
