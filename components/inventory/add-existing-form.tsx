"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { addExistingAliasAction } from "@/app/(dashboard)/aliases/actions";
import { addExistingDidAction } from "@/app/(dashboard)/dids/actions";
import { addExistingPhoneAction } from "@/app/(dashboard)/phones/actions";
import { didPath } from "@/components/dids/paths";
import { phonePath } from "@/components/phones/labels";
import { Button, ErrorCallout, Field } from "@/components/ui";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/actions/result";

interface Spec {
  noun: string;
  fields: { name: string; label: string; hint: string; inputMode?: "tel" | "decimal" }[];
  send: (values: Record<string, string>) => Promise<ActionResult<unknown>>;
  pathOf: (values: Record<string, string>) => string;
}

const SPECS: Record<"did" | "phone" | "alias", Spec> = {
  did: {
    noun: "DID",
    fields: [{ name: "didPattern", label: "DID pattern", hint: "Exactly as VICIdial has it, such as 7275551212", inputMode: "tel" }],
    send: (v) => addExistingDidAction(undefined, { didPattern: v.didPattern ?? "" }),
    pathOf: (v) => didPath(v.didPattern ?? ""),
  },
  phone: {
    noun: "phone",
    fields: [
      { name: "extension", label: "Extension", hint: "The phone's extension in VICIdial" },
      { name: "serverIp", label: "Server IP", hint: "The server it is on, such as 10.10.10.15", inputMode: "decimal" },
    ],
    send: (v) => addExistingPhoneAction(undefined, { extension: v.extension ?? "", serverIp: v.serverIp ?? "" }),
    pathOf: (v) => phonePath({ extension: v.extension ?? "", serverIp: v.serverIp ?? "" }),
  },
  alias: {
    noun: "phone alias",
    fields: [{ name: "aliasId", label: "Alias ID", hint: "The alias's ID in VICIdial" }],
    send: (v) => addExistingAliasAction(undefined, { aliasId: v.aliasId ?? "" }),
    pathOf: (v) => `/aliases/${encodeURIComponent(v.aliasId ?? "")}`,
  },
};

function sendExisting(_prev: unknown, { kind, values }: { kind: keyof typeof SPECS; values: Record<string, string> }) {
  return SPECS[kind].send(values);
}

/**
 * "Add an existing … to the list" (no cluster reads): the user names a record VICIdial already
 * holds; the server asks VICIdial, changing nothing, and lists it with its settings unknown.
 * The answer lands beside the field: not in VICIdial, already listed, or the record's page.
 */
export function AddExistingForm({ kind }: { kind: keyof typeof SPECS }) {
  const spec = SPECS[kind];
  const router = useRouter();
  const [values, setValues] = useState<Record<string, string>>({});
  const { run, pending: sending, error } = useAction(sendExisting);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim()]));
    const result = await run({ kind, values: trimmed });
    if (result.ok) router.push(spec.pathOf(trimmed));
  };

  const fieldError = (name: string) => error?.fieldErrors?.[name];
  const otherError = error && !spec.fields.some((f) => fieldError(f.name)) ? error : null;
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={`Add an existing ${spec.noun} to the list`} className="space-y-4">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        VICIdial&apos;s API cannot list its {spec.noun === "phone alias" ? "phone aliases" : `${spec.noun}s`}. Name one VICIdial already has: the dashboard asks
        VICIdial whether it exists (a request that changes nothing) and lists it, its settings shown as unknown until someone edits it.
      </p>
      {otherError && <ErrorCallout error={otherError} />}
      <div className="flex flex-wrap items-start gap-4">
        {spec.fields.map((field) => (
          <Field key={field.name} label={field.label} hint={field.hint} error={fieldError(field.name)} required className="w-64">
            {(p) => (
              <input
                {...p}
                name={field.name}
                value={values[field.name] ?? ""}
                onChange={(event) => setValues((current) => ({ ...current, [field.name]: event.target.value }))}
                autoComplete="off"
                spellCheck={false}
                inputMode={field.inputMode}
              />
            )}
          </Field>
        ))}
      </div>
      <Button type="submit" variant="secondary" loading={sending}>
        Check and add to the list
      </Button>
    </form>
  );
}
