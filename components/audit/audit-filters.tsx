import { Link } from "@/components/ui/link";
import { Checkbox, Field, FilterBar, Input, Select } from "@/components/ui";
import { actionLabel, actionsOf } from "@/lib/audit/actions";
import type { AuditFilters } from "@/lib/audit/filters";
import { AUDIT_OUTCOMES, OUTCOME_LABELS } from "@/lib/audit/outcome";
import { AUDIT_RESOURCES } from "@/lib/audit/resources";

/** The filters as a GET form: the URL is the view, so it can be bookmarked and exported as is. */
export function AuditFiltersForm({ filters, usernames, zone }: { filters: AuditFilters; usernames: string[] | null; zone: string }) {
  return (
    <FilterBar basePath="/audit" params={{}}>
      {usernames && (
        <Field label="User" className="w-40">
          {(props) => (
            <>
              <Input {...props} name="user" defaultValue={filters.user ?? ""} list="audit-usernames" autoComplete="off" />
              <datalist id="audit-usernames">
                {usernames.map((name) => (
                  <option key={name} value={name} />
                ))}
              </datalist>
            </>
          )}
        </Field>
      )}
      <Field label="Resource" className="w-40">
        {(props) => (
          <Select {...props} name="resource" defaultValue={filters.resource ?? ""}>
            <option value="">All</option>
            {Object.entries(AUDIT_RESOURCES).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Action" className="w-56">
        {(props) => (
          <Select {...props} name="action" defaultValue={filters.action ?? ""}>
            <option value="">All</option>
            {Object.entries(AUDIT_RESOURCES).map(([resource, label]) => (
              <optgroup key={resource} label={label}>
                {actionsOf(resource).map((action) => (
                  <option key={action} value={action}>
                    {actionLabel(action)}
                  </option>
                ))}
              </optgroup>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Outcome" className="w-36">
        {(props) => (
          <Select {...props} name="outcome" defaultValue={filters.outcome ?? ""}>
            <option value="">All</option>
            {AUDIT_OUTCOMES.map((outcome) => (
              <option key={outcome} value={outcome}>
                {OUTCOME_LABELS[outcome]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="From" hint={`Days in ${zone}`} className="w-40">
        {(props) => <Input {...props} type="date" name="from" defaultValue={filters.from ?? ""} />}
      </Field>
      <Field label="To" hint={`Days in ${zone}`} className="w-40">
        {(props) => <Input {...props} type="date" name="to" defaultValue={filters.to ?? ""} />}
      </Field>
      <Field label="Target contains" className="w-48">
        {(props) => <Input {...props} type="search" name="q" defaultValue={filters.q ?? ""} autoComplete="off" />}
      </Field>
      <Checkbox name="signins" value="1" defaultChecked={filters.signins === "1"} label="Show sign-ins" className="self-center pt-5" />
      {filters.target !== undefined && (
        <p className="flex items-center gap-2 self-center text-sm">
          <input type="hidden" name="target" value={filters.target} />
          History of <strong className="break-all">{filters.target}</strong>
          <Link href="/audit" className="text-brand-600 hover:underline dark:text-brand-500">
            Show all
          </Link>
        </p>
      )}
    </FilterBar>
  );
}
