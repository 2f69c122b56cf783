import type { SyncedResource } from "../resource";
import { aliasResource } from "./aliases";
import { cidGroupResource } from "./cid-groups";
import { didResource } from "./dids";
import { phoneResource } from "./phones";

/** Every inventory table a full pass keeps equal to VICIdial's, in the order it reads them. */
export const SYNCED_RESOURCES: readonly SyncedResource<never>[] = [
  didResource,
  phoneResource,
  aliasResource,
  cidGroupResource,
] as unknown as SyncedResource<never>[];
