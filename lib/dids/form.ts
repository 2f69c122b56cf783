import type { DidFormValues } from "@/lib/dids/schemas";
import { didFieldLabel, DID_FIELDS, type DidField, type DidRoute } from "@/lib/dids/fields";

/**
 * What the DID forms need besides the rules: the empty form, the fields each route uses and what
 * an edit changed. Plain data and functions, no zod, so a form page ships without the schemas
 * (they load when the form is first validated, components/ui/lazy-resolver.ts).
 */

/** A form before anything is typed: every field "" ("not sent"). */
export const EMPTY_DID_FORM = { didPattern: "", ...Object.fromEntries(DID_FIELDS.map((field) => [field, ""])) } as { didPattern: string } & DidFormValues;

/** Settings that apply whatever the route. */
export const COMMON_FIELDS = ["description", "active", "didRoute", "recordCall", "filterCleanCidNumber"] as const satisfies readonly DidField[];

interface RouteSpec {
  /** The fields VICIdial reads for this route; the others are kept but not sent. */
  fields: readonly DidField[];
  /** Without these the route points nowhere. */
  required: readonly DidField[];
  /** The field shown as the route's target in lists. */
  target?: DidField;
}

export const ROUTE_FIELDS: Record<DidRoute, RouteSpec> = {
  EXTEN: { fields: ["extension", "extenContext"], required: ["extension"], target: "extension" },
  VOICEMAIL: { fields: ["voicemailExt"], required: ["voicemailExt"], target: "voicemailExt" },
  VMAIL_NO_INST: { fields: ["voicemailExt"], required: ["voicemailExt"], target: "voicemailExt" },
  PHONE: { fields: ["phoneExtension", "serverIp"], required: ["phoneExtension", "serverIp"], target: "phoneExtension" },
  IN_GROUP: {
    fields: ["group", "callHandleMethod", "agentSearchMethod", "listId", "entryListId", "campaignId", "phoneCode"],
    required: ["group"],
    target: "group",
  },
  CALLMENU: { fields: ["menuId"], required: ["menuId"], target: "menuId" },
  // add_did takes no agent: the agent of an AGENT route is chosen in VICIdial's own screen.
  AGENT: { fields: [], required: [] },
};

/** The fields a DID with `route` uses; without a route (a partial update) every field counts. */
export function fieldsForRoute(route: DidRoute | undefined): readonly DidField[] {
  return route ? [...COMMON_FIELDS, ...ROUTE_FIELDS[route].fields] : DID_FIELDS;
}

export const NO_CHANGES = "No changes to save: nothing was sent to VICIdial";

// ---------------------------------------------------------------------------------------------
// Edit: what changed

export interface DidChanges {
  /** The fields to send, as form values; empty when nothing changed. */
  changes: DidFormValues;
  /** Fields emptied in the form: VICIdial cannot clear them, so this is an error to show. */
  cleared: DidField[];
}

const isEmpty = (value: unknown) => value === undefined || value === "";

/**
 * The fields of `after` that differ from `before` (both the edit form's values), limited to the
 * fields the chosen route uses. A route change also sends the new route's settings that were
 * already filled in, so VICIdial gets the route and its target together.
 */
export function didChanges(before: DidFormValues, after: DidFormValues): DidChanges {
  const route = isEmpty(after.didRoute) ? undefined : (after.didRoute as DidRoute);
  const routeChanged = route !== undefined && route !== before.didRoute;
  const changes: DidFormValues = {};
  const cleared: DidField[] = [];
  for (const field of fieldsForRoute(route)) {
    const was = before[field];
    const now = after[field];
    if (isEmpty(now)) {
      if (!isEmpty(was)) cleared.push(field);
      continue;
    }
    const inNewRoute = routeChanged && (ROUTE_FIELDS[route].fields as readonly DidField[]).includes(field);
    if (now !== was || inNewRoute) Object.assign(changes, { [field]: now });
  }
  return { changes, cleared };
}

export function clearedMessage(field: DidField): string {
  return `VICIdial cannot empty the ${didFieldLabel(field).toLowerCase()} of a DID; enter a value or undo the change`;
}
