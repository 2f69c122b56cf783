// Preloaded into the dashboard's server by BENCH_PROFILE_DIR (bench/dashboard-stack.ts): `--cpu-prof`
// is refused in NODE_OPTIONS, so the inspector records a V8 CPU profile and writes it on exit.
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import path from "node:path";

const dir = process.env.BENCH_PROFILE_DIR;
// Only the server (`next start`), not the npm start script that launches it.
if (dir && process.argv.some((arg) => arg.endsWith(path.join("next", "dist", "bin", "next")))) {
  const session = new Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.start");
  // Written at once on SIGTERM: the bench kills the server 5 s later, a shutdown may take longer.
  // The main thread's session answers synchronously, so this also works inside an exit handler.
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    session.post("Profiler.stop", (error, result) => {
      if (!error) writeFileSync(path.join(dir, `server-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  };
  process.once("SIGTERM", write);
  process.on("exit", write);
}
