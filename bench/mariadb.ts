import { execFileSync, spawnSync } from "node:child_process";

/**
 * The MariaDB the cluster benches seed: the one TEST_MARIADB_ADMIN_URL names, else a throwaway
 * server started here (.ci/start-mariadb.sh) and stopped by the returned function.
 */
export function benchMariadb(): { stop(): void } {
  if (process.env.TEST_MARIADB_ADMIN_URL) return { stop() {} };
  const exports = execFileSync("bash", [".ci/start-mariadb.sh"], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  for (const [, name, value] of exports.matchAll(/^export (\w+)=(.*)$/gm)) process.env[name!] = value;
  const dataDir = process.env.TEST_MARIADB_DATA_DIR!;
  return {
    stop() {
      spawnSync("bash", [".ci/stop-mariadb.sh", dataDir], { stdio: "ignore" });
      delete process.env.TEST_MARIADB_ADMIN_URL;
      delete process.env.TEST_MARIADB_DATA_DIR;
    },
  };
}
