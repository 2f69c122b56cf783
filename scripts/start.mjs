#!/usr/bin/env node
// `npm run demo` / `npm start`: `next start`, with the address printed for the user.
import { spawn } from "node:child_process";

const port = process.env.PORT ?? "3000";
const host = process.env.HOSTNAME ?? "0.0.0.0";
// NEXTAUTH_URL stays unset unless given: next-auth then follows the Host header, so the
// dashboard works under whatever name it is reached by.
console.log(`▸ Starting the dashboard at ${process.env.NEXTAUTH_URL ?? `http://localhost:${port}`}`);
const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", port, "-H", host], {
  stdio: "inherit",
  env: process.env,
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
