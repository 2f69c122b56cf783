"use client";

import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { callAction, unreachable } from "@/components/ui/call-action";
import { dismissErrorToasts, toast } from "@/components/ui/toast";
import { announceFailure } from "@/components/ui/use-action";
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
type CidAction<I, T> = (prev: unknown, input: FormData | I) => Promise<ActionResult<T>>;

interface Options<I> {
  /** Runs before the request: the optimistic change (TanStack's `onMutate`). */
  optimistic?: (input: I, client: QueryClient) => void;
}

/**
 * One change to a group's entries through a server action: a toast either way, the entries
 * read again from VICIdial afterwards (whatever happened, the live list is the truth), the
 * page's "Recent changes" read again (the change is in the audit log either way), and an
 * optimistic change rolled back when VICIdial refuses. useAction's calls and announcements
 * (components/ui), inside TanStack Query for the optimistic change and the reads afterwards.
 */
export function useCidChange<I, T>(groupId: string, action: CidAction<I, T>, options: Options<I> = {}) {
  const client = useQueryClient();
  const router = useRouter();
  const key = entriesKey(groupId);
  return useMutation({
    mutationFn: async (input: I) => {
      const result = await callAction<I, T>(action, input);
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
      // The group itself gone from VICIdial goes back to the list (an entry that is gone only re-reads).
      announceFailure(actionErrorOf(error) ?? unreachable(), { push: router.push, listPath: "/cid-groups" });
    },
    onSettled: () => Promise.all([client.invalidateQueries({ queryKey: key }), client.invalidateQueries({ queryKey: historyKey(groupId) })]),
  });
}

export function actionErrorOf(error: unknown): ActionError | undefined {
  if (error instanceof ActionFailure) return error.error;
  if (error) return unreachable();
  return undefined;
}
