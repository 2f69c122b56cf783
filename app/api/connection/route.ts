import { route, routeJson } from "@/lib/actions/route";
import { connectionStatus } from "@/lib/connection/status";

export const dynamic = "force-dynamic";

/** The shell's connection light, for everyone signed in (also while replacing a one-time password). */
export const GET = route({ access: "signed-in", duringPasswordChange: true }, async () => routeJson(await connectionStatus()));
