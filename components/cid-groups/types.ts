/** One live entry of a CID group, as the client parses VICIdial's INFO rows. */
export type { CidGroupRow as CidEntry } from "@/lib/vicidial/cid-groups";
