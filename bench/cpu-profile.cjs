// Preloaded into the dashboard's server by BENCH_PROFILE_DIR (bench/dashboard-stack.ts): `--cpu-prof`
// is refused in NODE_OPTIONS, so the inspector records a V8 CPU profile and writes it on exit.
const { Session } = require("node:inspector");
const { writeFileSync } = require("node:fs");
const path = require("node:path");

const dir = process.env.BENCH_PROFILE_DIR;
// Only the server (`next start`), not the npm start script that launches it.
if (dir && process.argv.some((arg) => arg.endsWith(path.join("next", "dist", "bin", "next")))) {
  const session = new Session();
  session.connect();
  session.post("Profiler.setSamplingInterval", { interval: 200 });
  session.post("Profiler.enable");
  session.post("Profiler.start");
  // The main thread's session answers synchronously, so this works inside an exit handler.
  process.on("exit", () => {
    session.post("Profiler.stop", (error, result) => {
      if (!error) writeFileSync(path.join(dir, `server-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
