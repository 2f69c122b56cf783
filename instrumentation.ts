/** Next's start-up hook: runs once per server process before it serves requests. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { boot } = await import("./lib/config/boot");
    await boot();
  }
}
