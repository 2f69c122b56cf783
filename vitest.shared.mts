import { fileURLToPath } from "node:url";

/** What every Vitest configuration of the repo resolves alike (vitest.config.mts, vitest.process.config.mts). */
export const resolve = {
  alias: {
    "@": fileURLToPath(new URL(".", import.meta.url)),
    // `server-only` throws outside a React server bundle; unit tests run server code directly.
    "server-only": fileURLToPath(new URL("./lib/testing/server-only-stub.ts", import.meta.url)),
  },
};
