import { Link } from "@/components/ui/link";
import { buttonClass, cn, Field } from "@/components/ui";
import { MAX_DAYS, type ParsedSearch } from "@/lib/calls/search";

/**
 * The call search as a plain GET form: the URL it leads to is the search, so it can be shared
 * and reloaded. Errors come back from the server next to their field.
 */
export function CallFilters({ parsed, zoneLabel }: { parsed: ParsedSearch; zoneLabel: string }) {
  const { values, errors } = parsed;
  const text = (name: keyof typeof values, label: string, hint?: string, extra: Record<string, string> = {}) => (
    <Field label={label} hint={hint} error={errors[name]} className="min-w-44 flex-1">
      {(p) => <input {...p} {...extra} className={cn(p.className, extra.className)} name={name} defaultValue={values[name]} autoComplete="off" spellCheck={false} />}
    </Field>
  );
  return (
    <form role="search" aria-label="Search calls" action="/calls" method="get" noValidate className="space-y-4">
      <div className="flex flex-wrap items-start gap-3">
        {text("phone", "Phone number", "As you have it: (727) 555-1234 or +1 727-555-1234", { inputMode: "tel", placeholder: "(727) 555-1234" })}
        <Field label="From" hint={zoneLabel} error={errors.from} className="min-w-52">
          {(p) => <input {...p} type="datetime-local" name="from" defaultValue={values.from} />}
        </Field>
        <Field label="To" hint={`At most ${MAX_DAYS} days`} error={errors.to} className="min-w-52">
          {(p) => <input {...p} type="datetime-local" name="to" defaultValue={values.to} />}
        </Field>
      </div>
      <div className="flex flex-wrap items-start gap-3">
        {text("agent", "Agent", "VICIdial user ID")}
        {text("group", "Campaign or in-group", "Its ID")}
        {text("status", "Status", "Code, such as SALE")}
        {text("callId", "Call ID", "From callid_info or a ticket", { className: "font-mono" })}
        <Field label="Direction" error={errors.direction} className="min-w-36">
          {(p) => (
            <select {...p} name="direction" defaultValue={values.direction}>
              <option value="">Both</option>
              <option value="inbound">Inbound</option>
              <option value="outbound">Outbound</option>
            </select>
          )}
        </Field>
      </div>
      <div className="flex gap-3">
        <button type="submit" className={buttonClass("primary")}>
          Search
        </button>
        <Link href="/calls" className={buttonClass("ghost")}>
          Clear
        </Link>
      </div>
    </form>
  );
}
