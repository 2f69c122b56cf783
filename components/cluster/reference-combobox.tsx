"use client";

import { Combobox, type ComboboxOption, type ComboboxProps } from "@/components/ui/combobox";
import type { ReferenceKind } from "@/lib/cluster/types";

const KIND_LABELS: Record<ReferenceKind, string> = {
  in_group: "In-groups",
  call_menu: "Call menus",
  campaign: "Campaigns",
  list: "Lists",
  server: "Servers",
  template: "Phone templates",
  user: "VICIdial users",
};

interface Reference {
  id: string;
  name: string;
  detail: string | null;
  active: string | null;
}

/**
 * One reference as a choice. Servers are chosen by IP (what the API takes): their IP is the
 * option's id and their server ID the extra fact; lists name their campaign, users their level.
 */
function optionOf(kind: ReferenceKind, reference: Reference): ComboboxOption {
  const facts: string[] = [];
  if (reference.detail && kind !== "server") facts.push(kind === "list" ? `campaign ${reference.detail}` : kind === "user" ? `level ${reference.detail}` : reference.detail);
  if (kind === "server") facts.push(`server ${reference.id}`);
  if (reference.active === "N") facts.push("inactive");
  const id = kind === "server" ? (reference.detail ?? reference.id) : reference.id;
  return { id, name: reference.name, detail: facts.length > 0 ? facts.join(", ") : null };
}

/**
 * The synced records matching `q`; while none of the kind was ever synced (no cluster reads),
 * the values the dashboard has seen itself, as the form suggested before.
 */
async function loadReferences(kind: ReferenceKind, q: string, seen: readonly string[]): Promise<ComboboxOption[]> {
  const response = await fetch(`/api/references?${new URLSearchParams({ kind, q })}`, { cache: "no-store" });
  const body = (await response.json()) as { options?: Reference[]; known?: boolean; error?: string };
  if (!response.ok || !body.options) throw new Error(body.error ?? "The known values could not be read");
  if (!body.known) {
    const text = q.toLowerCase();
    return seen.filter((value) => value.toLowerCase().includes(text)).slice(0, 20).map((value) => ({ id: value, name: "used before in the dashboard" }));
  }
  return body.options.map((reference) => optionOf(kind, reference));
}

/**
 * A form input offering VICIdial's synced records of one kind (in-groups, call menus, servers,
 * …) with their names; with none synced it is the plain text input it always was.
 */
export function ReferenceCombobox({ kind, seen = [], ...props }: { kind: ReferenceKind; seen?: readonly string[] } & Omit<ComboboxProps, "loadOptions" | "queryKey" | "optionsLabel">) {
  return <Combobox {...props} loadOptions={(q) => loadReferences(kind, q, seen)} queryKey={["reference", kind]} optionsLabel={KIND_LABELS[kind]} />;
}
