import { route, routeError, routeJson } from "@/lib/actions/route";
import { referenceOptions, referencesKnown } from "@/lib/cluster/references";
import { REFERENCE_KINDS, type ReferenceKind } from "@/lib/cluster/types";

export const dynamic = "force-dynamic";

/** The pickers' options (`?kind=in_group&q=sales`), for the roles that fill the forms using them. */
export const GET = route({ access: ["dids.write", "phones.write"], unavailable: "The dashboard's database did not answer." }, async (request) => {
  const search = new URL(request.url).searchParams;
  const kind = search.get("kind");
  if (!(REFERENCE_KINDS as readonly string[]).includes(kind ?? "")) return routeError(400, `kind must be one of ${REFERENCE_KINDS.join(", ")}`);
  const [options, known] = await Promise.all([referenceOptions(kind as ReferenceKind, search.get("q") ?? ""), referencesKnown(kind as ReferenceKind)]);
  return routeJson({ options, known });
});
