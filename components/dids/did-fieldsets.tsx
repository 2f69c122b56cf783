import type { ReactNode } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { ReferenceCombobox } from "@/components/cluster/reference-combobox";
import { Checkbox, Field, Fieldset } from "@/components/ui";
import type { DidSuggestions } from "@/lib/dids/inventory";
import type { ApiParameter } from "@/lib/vicidial/parameters";
import {
  AGENT_SEARCH_LABELS,
  AGENT_SEARCH_METHODS,
  CALL_HANDLE_METHODS,
  DID_ROUTES,
  RECORD_CALL_LABELS,
  RECORD_CALL_VALUES,
  ROUTE_LABELS,
  type DidField,
  type DidRoute,
} from "@/lib/dids/fields";

type Name = DidField | "didPattern";

interface DidFieldsetsProps {
  /** registerShown: each field's starting value is in the server's HTML too. */
  register: (name: Name) => UseFormRegisterReturn;
  errors: Partial<Record<Name, { message?: string } | undefined>>;
  /** The route chosen in the form right now: only its settings are shown and sent. */
  route: DidRoute | "" | undefined;
  suggestions: DidSuggestions;
  /** Editing: the pattern names the DID and cannot change. */
  patternLocked?: boolean;
  /** Add: an empty choice means VICIdial's default; edit: it means "not known here, unchanged". */
  emptyChoice: string;
  /** What to say under a field about the value typed (useInputAdvice). */
  advise?: (name: Name, api: ApiParameter) => ReactNode;
}

const text = { autoComplete: "off", spellCheck: false } as const;

/** The add_did / update_did fields, grouped as in VICIdial: identity, routing, recording, caller ID filter. */
export function DidFieldsets({ register, errors, route, suggestions, patternLocked = false, emptyChoice, advise }: DidFieldsetsProps) {
  const error = (name: Name) => errors[name]?.message;
  return (
    <>
      <Fieldset legend="Identity">
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label="DID pattern"
            required
            error={error("didPattern")}
            hint={patternLocked ? "A DID's pattern cannot be changed; copy it to a new DID instead." : "The number as the carrier sends it, such as 7275551212 or +17275551212. Letters, digits and : + * # . _ only."}
          >
            {(p) => (
              <>
                <input {...p} {...register("didPattern")} {...text} readOnly={patternLocked} inputMode="tel" />
                {!patternLocked && advise?.("didPattern", "did_pattern")}
              </>
            )}
          </Field>
          <Field label="Description" error={error("description")} hint="6 to 50 characters: letters, digits, spaces and - . , _">
            {(p) => (
              <>
                <input {...p} {...register("description")} {...text} spellCheck />
                {advise?.("description", "did_description")}
              </>
            )}
          </Field>
        </div>
        <Checkbox label="Active: VICIdial routes calls to this DID" {...register("active")} />
      </Fieldset>

      <Fieldset legend="Routing" description="Where VICIdial sends a call to this DID. Only the settings of the chosen route are sent.">
        <Field label="Route" required error={error("didRoute")}>
          {(p) => (
            <select {...p} {...register("didRoute")}>
              {/* Editing a DID whose route the dashboard never learned: leaving it unknown sends none. */}
              {patternLocked && <option value="">{emptyChoice}</option>}
              {DID_ROUTES.map((value) => (
                <option key={value} value={value}>
                  {ROUTE_LABELS[value]} ({value})
                </option>
              ))}
            </select>
          )}
        </Field>
        <RouteSettings route={route} register={register} error={error} emptyChoice={emptyChoice} suggestions={suggestions} />
        <datalist id="did-call-handle-methods">
          {CALL_HANDLE_METHODS.map((value) => (
            <option key={value} value={value} />
          ))}
        </datalist>
      </Fieldset>

      <Fieldset legend="Recording">
        <Field label="Record calls" error={error("recordCall")}>
          {(p) => (
            <select {...p} {...register("recordCall")}>
              <option value="">{emptyChoice}</option>
              {RECORD_CALL_VALUES.map((value) => (
                <option key={value} value={value}>
                  {RECORD_CALL_LABELS[value]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </Fieldset>

      <Fieldset legend="Caller ID filter">
        <Field
          label="Clean CID number filter"
          error={error("filterCleanCidNumber")}
          hint="How VICIdial trims the caller's number before lookups, such as R10 (keep the right 10 digits). Up to 20 characters."
        >
          {(p) => <input {...p} {...register("filterCleanCidNumber")} {...text} />}
        </Field>
      </Fieldset>
    </>
  );
}

function RouteSettings({
  route,
  register,
  error,
  emptyChoice,
  suggestions,
}: {
  route: DidRoute | "" | undefined;
  register: DidFieldsetsProps["register"];
  error: (name: Name) => string | undefined;
  emptyChoice: string;
  suggestions: DidSuggestions;
}) {
  const grid = "grid gap-4 sm:grid-cols-2 lg:grid-cols-3";
  switch (route) {
    case "EXTEN":
      return (
        <div className={grid}>
          <Field label="Extension" required error={error("extension")} hint="Dialed in the context below. Letters, digits, - and _">
            {(p) => <input {...p} {...register("extension")} {...text} />}
          </Field>
          <Field label="Extension context" error={error("extenContext")} hint="VICIdial's default: default">
            {(p) => <input {...p} {...register("extenContext")} {...text} />}
          </Field>
        </div>
      );
    case "VOICEMAIL":
    case "VMAIL_NO_INST":
      return (
        <div className={grid}>
          <Field label="Voicemail box" required error={error("voicemailExt")} hint="Up to 10 characters">
            {(p) => <input {...p} {...register("voicemailExt")} {...text} />}
          </Field>
        </div>
      );
    case "PHONE":
      return (
        <div className={grid}>
          <Field label="Phone extension" required error={error("phoneExtension")}>
            {(p) => <input {...p} {...register("phoneExtension")} {...text} />}
          </Field>
          <Field label="Server IP" required error={error("serverIp")} hint="The server the phone is on, such as 10.10.10.15">
            {(p) => <ReferenceCombobox {...p} {...register("serverIp")} kind="server" seen={suggestions.servers} inputMode="decimal" />}
          </Field>
        </div>
      );
    case "IN_GROUP":
      return (
        <div className={grid}>
          <Field label="In-group" required error={error("group")} hint="The in-group's ID in VICIdial, such as TEST_IN">
            {(p) => <ReferenceCombobox {...p} {...register("group")} kind="in_group" seen={suggestions.groups} />}
          </Field>
          <Field label="Call handle method" error={error("callHandleMethod")} hint="VICIdial's default: CID">
            {(p) => <input {...p} {...register("callHandleMethod")} {...text} list="did-call-handle-methods" />}
          </Field>
          <Field label="Agent search method" error={error("agentSearchMethod")}>
            {(p) => (
              <select {...p} {...register("agentSearchMethod")}>
                <option value="">{emptyChoice}</option>
                {AGENT_SEARCH_METHODS.map((value) => (
                  <option key={value} value={value}>
                    {AGENT_SEARCH_LABELS[value]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="List ID" error={error("listId")} hint="Where new leads go; 3 to 14 digits. VICIdial's default: 999">
            {(p) => <ReferenceCombobox {...p} {...register("listId")} kind="list" inputMode="numeric" />}
          </Field>
          <Field label="Entry list ID" error={error("entryListId")} hint="Digits. VICIdial's default: 0">
            {(p) => <input {...p} {...register("entryListId")} {...text} inputMode="numeric" />}
          </Field>
          <Field label="Campaign" error={error("campaignId")} hint="Campaign ID, 2 to 8 characters">
            {(p) => <ReferenceCombobox {...p} {...register("campaignId")} kind="campaign" seen={suggestions.campaigns} />}
          </Field>
          <Field label="Phone code" error={error("phoneCode")} hint="Country code for new leads. VICIdial's default: 1">
            {(p) => <input {...p} {...register("phoneCode")} {...text} inputMode="numeric" />}
          </Field>
        </div>
      );
    case "CALLMENU":
      return (
        <div className={grid}>
          <Field label="Call menu" required error={error("menuId")} hint="The call menu's ID in VICIdial, such as TESTMENU">
            {(p) => <ReferenceCombobox {...p} {...register("menuId")} kind="call_menu" seen={suggestions.menus} />}
          </Field>
        </div>
      );
    case "AGENT":
      return (
        <p className="rounded-md bg-slate-100 p-3 text-sm text-slate-700 dark:bg-slate-800 dark:text-slate-300">
          The agent is chosen in VICIdial itself, on the DID&apos;s page in VICIdial&apos;s admin screens: VICIdial&apos;s API cannot set it.
        </p>
      );
    default:
      return null;
  }
}
