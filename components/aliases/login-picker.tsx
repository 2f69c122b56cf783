"use client";

import { useId, useState, type KeyboardEvent } from "react";
import { Button, cn } from "@/components/ui";
import { Combobox, type ComboboxOption } from "@/components/ui/combobox";
import type { PhoneLoginOption } from "@/lib/phones/inventory";
import { joinLogins } from "@/lib/aliases/logins";
import { PARAMETER_RULES } from "@/lib/vicidial/parameters";

const LIMIT = PARAMETER_RULES.phone_logins.maxLength;

/** Known phones matching `q` (the phones inventory), each offered by its login with its name and place. */
async function fetchLogins(q: string): Promise<ComboboxOption[]> {
  const response = await fetch(`/aliases/phone-logins.json?${new URLSearchParams({ q })}`, { headers: { accept: "application/json" } });
  const body = (await response.json()) as { options?: PhoneLoginOption[]; error?: string };
  if (!response.ok || !body.options) throw new Error(body.error ?? "The known phones could not be loaded");
  return body.options.map((option) => ({ id: option.login, name: option.fullName ?? "", detail: `${option.extension} on ${option.serverIp}` }));
}

interface LoginPickerProps {
  value: string[];
  onChange: (logins: string[]) => void;
  onBlur?: () => void;
  error?: string;
  disabled?: boolean;
  /** Names of the phones behind logins already chosen, from the server. */
  known?: Record<string, string>;
}

/**
 * Ordered phone logins: pick known phones by login, extension or name, or type a login by hand
 * (VICIdial may have phones the dashboard does not know). Order matters to VICIdial, so each
 * login can be moved; the counter shows the 255 characters VICIdial keeps of the joined list.
 */
export function LoginPicker({ value, onChange, onBlur, error, disabled, known = {} }: LoginPickerProps) {
  const id = useId();
  const [text, setText] = useState("");
  const [note, setNote] = useState<string | null>(null);
  const [names, setNames] = useState<Record<string, string>>(known);
  const length = joinLogins(value).length;
  // Logins already chosen are not offered again.
  const loadOptions = async (q: string) => (await fetchLogins(q)).filter((option) => !value.includes(option.id));

  const add = (logins: string[], option?: ComboboxOption) => {
    const fresh = logins.filter((login) => login !== "" && !value.includes(login));
    const repeated = logins.filter((login) => value.includes(login));
    setNote(repeated.length > 0 ? `${repeated.join(", ")} ${repeated.length === 1 ? "is" : "are"} already in the list` : null);
    if (option?.name) setNames((current) => ({ ...current, [option.id]: option.name }));
    if (fresh.length > 0) onChange([...value, ...fresh]);
    setText("");
  };
  const addTyped = () => add(text.split(/[\s,]+/));
  const move = (index: number, by: -1 | 1) => {
    const next = [...value];
    const [login] = next.splice(index, 1);
    if (login === undefined) return;
    next.splice(index + by, 0, login);
    onChange(next);
  };

  // Enter on typed text adds it (an option highlighted in the list is the combobox's to take).
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    if (text.trim()) addTyped();
  };

  const errorId = `${id}-error`;
  const counterId = `${id}-counter`;
  return (
    <fieldset className="space-y-3" disabled={disabled} aria-describedby={[counterId, error ? errorId : ""].filter(Boolean).join(" ")}>
      <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">
        Phone logins<span aria-hidden className="ml-0.5 text-red-600">*</span>
      </legend>
      {value.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">No logins yet. Add at least one below; VICIdial rings them in this order.</p>
      ) : (
        <ol aria-label="Chosen phone logins" className="divide-y divide-slate-200 rounded-md border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
          {value.map((login, index) => (
            <li key={login} className="flex flex-wrap items-center gap-2 px-3 py-2 text-sm">
              <span className="w-6 text-slate-500">{index + 1}.</span>
              <span className="font-mono font-medium">{login}</span>
              {names[login] && <span className="text-slate-600 dark:text-slate-400">{names[login]}</span>}
              <span className="ml-auto flex gap-1">
                <Button variant="ghost" size="sm" aria-label={`Move ${login} up`} disabled={index === 0} onClick={() => move(index, -1)}>
                  ↑
                </Button>
                <Button variant="ghost" size="sm" aria-label={`Move ${login} down`} disabled={index === value.length - 1} onClick={() => move(index, 1)}>
                  ↓
                </Button>
                <Button variant="ghost" size="sm" aria-label={`Remove ${login}`} onClick={() => onChange(value.filter((l) => l !== login))}>
                  Remove
                </Button>
              </span>
            </li>
          ))}
        </ol>
      )}
      <div className="relative space-y-1">
        <label htmlFor={`${id}-input`} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
          Add a phone login
        </label>
        <div className="flex gap-2">
          <div className="min-w-0 flex-1">
            <Combobox
              id={`${id}-input`}
              loadOptions={loadOptions}
              queryKey={["phone-logins", joinLogins(value)]}
              optionsLabel="Known phones"
              onPick={(option) => add([option.id], option)}
              aria-invalid={error ? true : undefined}
              value={text}
              placeholder="Search known phones or type a login"
              onChange={(event) => setText(event.target.value)}
              onBlur={() => onBlur?.()}
              onKeyDown={onKeyDown}
              className={cn(
                "block w-full rounded-md border bg-white px-3 py-2 text-sm text-slate-900 shadow-sm dark:bg-slate-900 dark:text-slate-100",
                error ? "border-red-500 dark:border-red-400" : "border-slate-300 dark:border-slate-700",
              )}
            />
          </div>
          <Button variant="secondary" disabled={!text.trim()} onClick={addTyped}>
            Add login
          </Button>
        </div>
      </div>
      {note && <p className="text-sm text-slate-600 dark:text-slate-400">{note}</p>}
      <p id={counterId} className={cn("text-xs", length > LIMIT ? "font-medium text-red-700 dark:text-red-400" : "text-slate-500 dark:text-slate-400")}>
        {length} of {LIMIT} characters VICIdial keeps for the list
      </p>
      {error && (
        <p id={errorId} role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </fieldset>
  );
}
