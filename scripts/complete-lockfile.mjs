// A registry that serves only this platform's packages makes `npm install` leave the other
// platforms' optional binaries (swc, oxide, resolver bindings) out of package-lock.json, and
// `npm ci` then refuses the lock as "out of sync". This adds a lock entry for every declared
// optional dependency that has none; npm skips them at install because they are optional and that
// registry does not serve them. Run `npm run lock:complete` after changing dependencies.
// Such an entry says nothing of its platform: where the registry serves every platform (ours does
// now), `npm ci` installs all of them, 29 packages and 400 MB here. There `npm install` writes full
// entries itself and this finds nothing to add.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Lock entries `npm ci` expects but the lock lacks, keyed by their lock path. */
export function missingOptionalEntries(lock) {
  const packages = lock.packages;
  const missing = {};
  for (const [path, entry] of Object.entries(packages)) {
    for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
      const nested = path ? `${path}/node_modules/${name}` : `node_modules/${name}`;
      const hoisted = `node_modules/${name}`;
      if (packages[nested] || packages[hoisted] || missing[hoisted]) continue;
      missing[hoisted] = { version, optional: true, ...(entry.dev ? { dev: true } : {}) };
    }
  }
  return missing;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = new URL("../package-lock.json", import.meta.url);
  const lock = JSON.parse(readFileSync(file, "utf8"));
  const missing = missingOptionalEntries(lock);
  Object.assign(lock.packages, missing);
  writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
  const names = Object.keys(missing);
  console.log(names.length ? `Added ${names.length} lock entries.` : "Lock file already complete.");
}
