import { route, routeJson } from "@/lib/actions/route";
import { getSyncStatus } from "@/lib/cluster/status";

export const dynamic = "force-dynamic";

/** The overview's sync card polls this (TanStack Query) while a requested pass runs. */
export const GET = route({ access: "dids.view", unavailable: "The dashboard's database did not answer; retrying." }, async () => routeJson(await getSyncStatus()));
