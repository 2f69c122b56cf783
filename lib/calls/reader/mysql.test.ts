import { scratchVicidialDb } from "@/lib/cluster/testing/mariadb";
import { describeCallsReader } from "./contract";
import { createMysqlCallsReader } from "./mysql";

describeCallsReader("MariaDB with our DDL (SELECT-only account)", async () => {
  const db = await scratchVicidialDb();
  const reader = createMysqlCallsReader(db.url);
  return {
    reader,
    insert: (table, rows) => db.insert(table, rows),
    async close() {
      await reader.close();
      await db.drop();
    },
  };
});
