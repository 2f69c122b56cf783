"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useDeferredValue, useId, useState, type KeyboardEvent } from "react";
import { Button, cn } from "@/components/ui";
import type { PhoneLoginOption } from "@/lib/inventory/phones";
import { joinLogins } from "@/lib/schemas/alias";
import { PARAMETER_RULES } from "@/lib/vicidial/parameters";

const LIMIT = PARAMETER_RULES.phone_logins.maxLength;

async function fetchLogins(q: string): Promise<PhoneLoginOption[]> {
  const response = await fetch(`/aliases/phone-logins.json?${new URLSearchParams({ q })}`, { headers: { accept: "application/json" } });
  const body = (await response.json()) as { options?: PhoneLoginOption[]; error?: string };
  if (!response.ok || !body.options) throw new Error(body.error ?? "The known phones could not be loaded");
  return body.options;
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
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [note, setNote] = useState<string | null>(null);
  const [names, setNames] = useState<Record<string, string>>(known);
  const query = useDeferredValue(text.trim());
  const lookup = useQuery({ queryKey: ["phone-logins", query], queryFn: () => fetchLogins(query), enabled: open, placeholderData: keepPreviousData, staleTime: 30_000 });
  const options = (lookup.data ?? []).filter((option) => !value.includes(option.login));
  const length = joinLogins(value).length;

  const add = (logins: string[], option?: PhoneLoginOption) => {
    const fresh = logins.filter((login) => login !== "" && !value.includes(login));
    const repeated = logins.filter((login) => value.includes(login));
    setNote(repeated.length > 0 ? `${repeated.join(", ")} ${repeated.length === 1 ? "is" : "are"} already in the list` : null);
    if (option?.fullName) setNames((current) => ({ ...current, [option.login]: option.fullName ?? "" }));
    if (fresh.length > 0) onChange([...value, ...fresh]);
    setText("");
    setActive(-1);
    // Closed until the next keystroke, so the list does not cover the buttons below it.
    setOpen(false);
  };
  const addTyped = () => add(text.split(/[\s,]+/));
  const move = (index: number, by: -1 | 1) => {
    const next = [...value];
    const [login] = next.splice(index, 1);
    if (login === undefined) return;
    next.splice(index + by, 0, login);
    onChange(next);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (!open) setOpen(true);
      else if (options.length > 0) setActive((i) => (i + 1) % options.length);
    } else if (event.key === "ArrowUp" && options.length > 0) {
      event.preventDefault();
      setActive((i) => (i <= 0 ? options.length - 1 : i - 1));
    } else if (event.key === "Enter") {
      event.preventDefault();
      const option = open && active >= 0 ? options[active] : undefined;
      if (option) add([option.login], option);
      else if (text.trim()) addTyped();
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  };

  const listbox = `${id}-options`;
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
          <input
            id={`${id}-input`}
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={open && options.length > 0}
            aria-controls={listbox}
            aria-activedescendant={open && active >= 0 ? `${listbox}-${active}` : undefined}
            aria-invalid={error ? true : undefined}
            autoComplete="off"
            value={text}
            placeholder="Search known phones or type a login"
            onChange={(event) => {
              setText(event.target.value);
              setOpen(true);
              setActive(-1);
            }}
            onFocus={() => setOpen(true)}
            onBlur={() => {
              setOpen(false);
              onBlur?.();
            }}
            onKeyDown={onKeyDown}
            className={cn(
              "block w-full min-w-0 flex-1 rounded-md border bg-white px-3 py-2 text-sm text-slate-900 shadow-sm dark:bg-slate-900 dark:text-slate-100",
              error ? "border-red-500 dark:border-red-400" : "border-slate-300 dark:border-slate-700",
            )}
          />
          <Button variant="secondary" disabled={!text.trim()} onClick={addTyped}>
            Add login
          </Button>
        </div>
        {open && options.length > 0 && (
          <ul
            id={listbox}
            role="listbox"
            aria-label="Known phones"
            className="absolute z-10 mt-1 max-h-64 w-full overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900"
          >
            {options.map((option, index) => (
              <li
                key={`${option.serverIp}/${option.extension}`}
                id={`${listbox}-${index}`}
                role="option"
                aria-selected={index === active}
                // Chosen on mousedown so the input's blur does not close the list first.
                onMouseDown={(event) => {
                  event.preventDefault();
                  add([option.login], option);
                }}
                className={cn("cursor-pointer px-3 py-1.5", index === active ? "bg-brand-600 text-white" : "hover:bg-slate-100 dark:hover:bg-slate-800")}
              >
                <span className="font-mono font-medium">{option.login}</span>
                <span className={cn("ml-2", index === active ? "text-white/80" : "text-slate-500 dark:text-slate-400")}>
                  {option.fullName ?? ""} · {option.extension} on {option.serverIp}
                </span>
              </li>
            ))}
          </ul>
        )}
        {lookup.isError && <p className="text-xs text-slate-500">Known phones could not be searched just now; type the login by hand.</p>}
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
