import { openMysql } from "@/lib/cluster/mysql";
import { scratchVicidialDb } from "@/lib/cluster/testing/mariadb";
import { FULL_CLUSTER, seedCluster } from "./cluster-seed";
import { benchMariadb } from "./mariadb";
import type { BenchResult } from "./run";
import { round } from "./stats";

/** How long seeding the sync benchmark's cluster takes on MariaDB, and what it holds afterwards. */
export async function clusterSeedBench(): Promise<BenchResult> {
  const server = benchMariadb();
  try {
    const db = await scratchVicidialDb();
    try {
      const { seconds } = await seedCluster(db, FULL_CLUSTER);
      const reads = openMysql(db.url);
      try {
        const count = async (table: string) => Number((await reads.select<{ n: string }>(`SELECT COUNT(*) AS n FROM ${table}`))[0]!.n);
        return {
          metrics: {
            seed_seconds: round(seconds, 1),
            dids: await count("vicidial_inbound_dids"),
            phones: await count("phones"),
            aliases: await count("phones_alias"),
            cid_groups: await count("vicidial_cid_groups"),
            cid_entries: await count("vicidial_campaign_cid_areacodes"),
          },
        };
      } finally {
        await reads.close();
      }
    } finally {
      await db.drop();
    }
  } finally {
    server.stop();
  }
}
