import type { MonitoredCheck } from "@/lib/connection/monitor";

/** What the shell and the overview show about VICIdial; never carries credentials. */
export type ConnectionSummary = MonitoredCheck & {
  simulated: boolean;
  /** Host and path of the API, for the overview ("which VICIdial is this?"). */
  endpoint: string;
  checkedAt: string;
};
