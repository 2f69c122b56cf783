// Tests write "directly into VICIdial's database" on a running simulator (control mode), the way
// the MariaDB harness (lib/cluster/testing/mariadb.ts) does on a real one: one test body can
// seed either through `insert(table, rows)`.
import type { AdminLogRequest, TableWrite, TableWriteResult } from "../tables";

type Row = Record<string, unknown>;

export interface SimulatorTables {
  insert(table: string, rows: Row[], adminLog?: AdminLogRequest): Promise<TableWriteResult>;
  update(table: string, where: Row, set: Row, adminLog?: AdminLogRequest): Promise<TableWriteResult>;
  delete(table: string, where: Row, adminLog?: AdminLogRequest): Promise<TableWriteResult>;
}

/** `baseUrl`: the simulator's origin or any URL on it (its non_agent_api.php URL will do). */
export function simulatorTables(baseUrl: string): SimulatorTables {
  async function write(table: string, body: TableWrite): Promise<TableWriteResult> {
    const response = await fetch(new URL(`/__simulator/tables/${encodeURIComponent(table)}`, baseUrl), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) {
      const reason = (() => {
        try {
          return (JSON.parse(text) as { error?: string }).error ?? text;
        } catch {
          return text;
        }
      })();
      throw new Error(`simulator table ${table}: HTTP ${response.status} ${reason}`);
    }
    return JSON.parse(text) as TableWriteResult;
  }
  return {
    insert: (table, rows, adminLog) => write(table, { insert: rows, adminLog }),
    update: (table, where, set, adminLog) => write(table, { update: { where, set }, adminLog }),
    delete: (table, where, adminLog) => write(table, { delete: { where }, adminLog }),
  };
}
